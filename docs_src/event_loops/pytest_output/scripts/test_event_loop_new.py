import asyncio

import pytest


@pytest.mark.asyncio
async def test_schedules_a_callback():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_soon(future.set_result, "done")
    assert await future == "done"
