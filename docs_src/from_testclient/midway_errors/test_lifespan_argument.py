import pytest
from asgi_lifespan import LifespanManager

from .main import app, lifespan


@pytest.mark.anyio
async def test_lifespan_function_as_second_argument() -> None:
    with pytest.raises(TypeError) as error:
        await LifespanManager(app, lifespan).__aenter__()  # type: ignore[arg-type]  # (1)!
    assert str(error.value) == (
        "'<=' not supported between instances of 'function' and 'int'"
    )
    with pytest.warns(RuntimeWarning) as warned:  # (2)!
        del error
    assert str(warned[0].message) == "coroutine 'AsyncioEvent.wait' was never awaited"


@pytest.mark.anyio
async def test_the_manager_finds_the_lifespan_itself() -> None:
    async with LifespanManager(app) as manager:  # (3)!
        assert manager.app is not app
