import asyncio
import re

import pytest

pytestmark = pytest.mark.anyio


async def fetch_user() -> str:
    return "ada"


# --8<-- [start:nested]
async def test_asyncio_run_inside_a_running_loop() -> None:
    coroutine = fetch_user()
    with pytest.raises(RuntimeError, match=re.escape(
        "asyncio.run() cannot be called from a running event loop"
    )):  # fmt: skip
        asyncio.run(coroutine)  # (1)!
    coroutine.close()  # (2)!


async def test_run_until_complete_inside_a_running_loop() -> None:
    loop = asyncio.get_running_loop()
    coroutine = fetch_user()
    with pytest.raises(RuntimeError, match="This event loop is already running"):
        loop.run_until_complete(coroutine)
    coroutine.close()


async def test_await_it() -> None:
    assert await fetch_user() == "ada"  # (3)!


# --8<-- [end:nested]
