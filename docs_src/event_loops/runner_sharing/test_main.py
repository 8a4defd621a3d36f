import anyio.lowlevel
import pytest


def current_loop() -> object:
    """The running event loop (asyncio) or run (trio), whichever backend runs."""
    return anyio.lowlevel.current_token().native_token


@pytest.fixture
async def fixture_loop() -> object:
    return current_loop()


@pytest.fixture(scope="module")
async def module_loop() -> object:
    return current_loop()  # (1)!


@pytest.mark.anyio
async def test_function_fixture_shares_the_test_loop(fixture_loop: object) -> None:
    assert current_loop() is fixture_loop


@pytest.mark.anyio
async def test_module_fixture_keeps_its_loop_for_the_module(
    module_loop: object,
) -> None:
    assert current_loop() is module_loop  # (2)!


@pytest.mark.anyio
async def test_every_test_of_the_module_runs_on_it(module_loop: object) -> None:
    assert current_loop() is module_loop
