import pytest


@pytest.mark.asyncio
async def test_schedules_a_callback(event_loop):
    future = event_loop.create_future()
    event_loop.call_soon(future.set_result, "done")
    assert await future == "done"
