import asyncio
import warnings

import anyio
import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app, fetch_rate, fetch_rate_from_thread, fetch_rate_now

pytestmark = pytest.mark.anyio


# --8<-- [start:asyncio-run]
async def test_asyncio_run_inside_a_test() -> None:
    with pytest.raises(RuntimeError) as error:
        fetch_rate_now()  # a sync helper, called from async code
    assert str(error.value) == (
        "asyncio.run() cannot be called from a running event loop"
    )
    with warnings.catch_warnings():  # Python 3.11 also warns: never awaited
        warnings.simplefilter("ignore", RuntimeWarning)
        del error


async def test_second_loop_inside_a_test() -> None:
    loop = asyncio.new_event_loop()  # as some legacy helpers do
    coroutine = fetch_rate()
    with pytest.raises(RuntimeError) as error:
        loop.run_until_complete(coroutine)
    coroutine.close()
    loop.close()
    assert str(error.value) == (
        "Cannot run the event loop while another loop is running"
    )


async def test_coroutine_awaited() -> None:
    assert await fetch_rate() == 1.1  # await the coroutine instead


# --8<-- [end:asyncio-run]


# --8<-- [start:no-running-loop]
@pytest.fixture
def reply() -> asyncio.Future:
    return asyncio.get_running_loop().create_future()  # a sync fixture: no loop


def test_future_from_a_sync_fixture(request: pytest.FixtureRequest) -> None:
    with pytest.raises(RuntimeError) as error:
        request.getfixturevalue("reply")
    assert str(error.value) == "no running event loop"


@pytest.fixture
async def async_reply() -> asyncio.Future:
    return asyncio.get_running_loop().create_future()  # runs in the loop


async def test_future_from_an_async_fixture(async_reply: asyncio.Future) -> None:
    async_reply.set_result("ok")
    assert await async_reply == "ok"


# --8<-- [end:no-running-loop]


# --8<-- [start:worker-thread]
async def test_get_event_loop_in_a_sync_endpoint() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(RuntimeError) as error:
            await client.get("/legacy-rate")
        assert (await client.get("/rate")).json() == {"rate": 1.1}  # async: fine
    assert str(error.value) == (
        "There is no current event loop in thread 'AnyIO worker thread'."
    )


# --8<-- [end:worker-thread]


# --8<-- [start:from-thread]
async def test_from_thread_in_the_loop_thread() -> None:
    with pytest.raises(RuntimeError) as error:
        fetch_rate_from_thread()  # called in the event loop's own thread
    assert str(error.value) == (
        "Not running inside an AnyIO worker thread, "
        "and no event loop token was provided"
    )


async def test_from_thread_in_a_worker_thread() -> None:
    assert await anyio.to_thread.run_sync(fetch_rate_from_thread) == 1.1


# --8<-- [end:from-thread]
