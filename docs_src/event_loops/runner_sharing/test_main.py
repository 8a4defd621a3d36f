import anyio.lowlevel
import pytest


def current_loop() -> object:
    """The running event loop (asyncio) or run (trio), whichever backend runs."""
    return anyio.lowlevel.current_token().native_token


@pytest.fixture
async def function_fixture_loop() -> object:
    return current_loop()


@pytest.fixture(scope="module")
async def module_fixture_loop() -> object:
    return current_loop()  # (1)!


@pytest.mark.anyio
async def test_function_fixture_shares_the_test_loop(
    function_fixture_loop: object,
) -> None:
    assert current_loop() is function_fixture_loop


first_loop: dict[str, object] = {}  # per backend, the loop of the first test below


@pytest.mark.anyio
async def test_module_fixture_shares_the_test_loop(
    module_fixture_loop: object, anyio_backend: str
) -> None:
    loop = current_loop()
    assert loop is module_fixture_loop
    assert first_loop.setdefault(anyio_backend, loop) is loop


@pytest.mark.anyio
async def test_another_test_of_the_module_runs_in_it_too(
    module_fixture_loop: object, anyio_backend: str
) -> None:
    loop = current_loop()
    assert first_loop.setdefault(anyio_backend, loop) is loop  # (2)!
