import pytest
from asgi_lifespan import LifespanManager

from .main import failing_app, slow_shutdown_app, slow_startup_app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


# --8<-- [start:failure]
@pytest.mark.anyio
async def test_failing_startup_raises_in_the_test() -> None:
    with pytest.raises(RuntimeError, match=r"^inventory unavailable$"):  # (1)!
        async with LifespanManager(failing_app):
            ...  # never reached


# --8<-- [end:failure]
# --8<-- [start:startup_timeout]
@pytest.mark.anyio
async def test_slow_startup_hits_startup_timeout() -> None:
    with pytest.raises(TimeoutError) as error:
        async with LifespanManager(slow_startup_app, startup_timeout=0.05):  # (1)!
            ...  # never reached
    assert str(error.value) == ""  # (2)!


@pytest.mark.anyio
async def test_slow_startup_within_a_longer_timeout() -> None:
    async with LifespanManager(slow_startup_app, startup_timeout=1):  # (3)!
        pass  # started: no TimeoutError


# --8<-- [end:startup_timeout]
# --8<-- [start:shutdown_timeout]
@pytest.mark.anyio
async def test_slow_shutdown_hits_shutdown_timeout() -> None:
    with pytest.raises(TimeoutError, match=r"^$"):
        async with LifespanManager(slow_shutdown_app, shutdown_timeout=0.05):
            pass  # startup succeeded; the error comes on the way out


# --8<-- [end:shutdown_timeout]
