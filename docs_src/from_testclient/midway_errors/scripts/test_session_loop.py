import asyncio

import pytest
import pytest_asyncio


@pytest_asyncio.fixture(scope="session", loop_scope="session")  # (1)!
async def loop_at_setup() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


@pytest.mark.asyncio(loop_scope="session")  # (2)!
async def test_runs_in_the_fixtures_loop(
    loop_at_setup: asyncio.AbstractEventLoop,
) -> None:
    assert asyncio.get_running_loop() is loop_at_setup
