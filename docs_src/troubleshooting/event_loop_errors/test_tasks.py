import asyncio
import gc

import anyio
import pytest
from httpx2 import ASGITransport, AsyncClient

from . import main

pytestmark = pytest.mark.anyio


# --8<-- [start:destroyed]
def test_loop_closed_with_a_task_running(caplog: pytest.LogCaptureFixture) -> None:
    loop = asyncio.new_event_loop()  # a loop made by hand, as old fixtures did
    loop.run_until_complete(main.lifespan(main.app).__aenter__())
    loop.close()  # closed with the worker task still pending
    del main.app.state.worker
    gc.collect()
    assert caplog.messages[0].startswith("Task was destroyed but it is pending!")


async def test_lifespan_run_to_its_end() -> None:
    async with main.lifespan(main.app):  # startup and shutdown, in one loop
        worker = main.app.state.worker
    worker.cancel()
    with pytest.raises(asyncio.CancelledError):
        await worker


# --8<-- [end:destroyed]


# --8<-- [start:never-retrieved]
async def notify() -> None:
    raise ConnectionError("mail server down")


def test_task_nobody_awaits(caplog: pytest.LogCaptureFixture) -> None:
    async def endpoint() -> None:
        asyncio.create_task(notify())  # noqa: RUF006 (fire and forget, the mistake)
        await asyncio.sleep(0)

    asyncio.run(endpoint())
    gc.collect()  # the failed task is collected, and logged
    assert caplog.messages[0].startswith("Task exception was never retrieved")
    assert isinstance(caplog.records[0].exc_info[1], ConnectionError)


async def test_task_in_a_task_group() -> None:
    with pytest.RaisesGroup(ConnectionError):  # the task group raises it here
        async with anyio.create_task_group() as tg:
            tg.start_soon(notify)


# --8<-- [end:never-retrieved]


# --8<-- [start:task-group]
async def get_both(client: AsyncClient) -> None:
    async with anyio.create_task_group() as tg:
        tg.start_soon(client.get, "/rate")
        tg.start_soon(client.get, "/legacy-rate")  # this request fails


async def test_request_fails_in_a_task_group() -> None:
    transport = ASGITransport(app=main.app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(ExceptionGroup) as error:
            await get_both(client)
    assert str(error.value) == "unhandled errors in a TaskGroup (1 sub-exception)"
    assert error.group_contains(RuntimeError)  # the request's own error, inside


# --8<-- [end:task-group]


# --8<-- [start:different-loop]
async def wait_until_ready() -> bool:
    with anyio.move_on_after(0.01):
        await main.ready.wait()
    return main.ready.is_set()


def test_event_shared_by_two_loops() -> None:
    assert asyncio.run(wait_until_ready()) is False  # binds the event to a loop
    with pytest.raises(RuntimeError) as error:
        asyncio.run(wait_until_ready())  # a second loop, as the next test has
    assert str(error.value).startswith("<asyncio.locks.Event object at 0x")
    assert str(error.value).endswith("is bound to a different event loop")


async def test_event_made_in_the_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main, "ready", asyncio.Event())  # one per test
    assert await wait_until_ready() is False


# --8<-- [end:different-loop]
