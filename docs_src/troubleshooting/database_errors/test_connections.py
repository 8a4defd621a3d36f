import gc
import re
import threading
import warnings

import aiosqlite
import anyio
import pytest
from sqlalchemy import text
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.anyio


async def stopped(threads: int) -> None:
    """Wait until aiosqlite's connection thread is gone, while the loop still runs."""
    with anyio.fail_after(5):
        while threading.active_count() > threads:  # noqa: ASYNC110 (no event to wait on)
            await anyio.sleep(0.01)


# --8<-- [start:pool-limit]
async def test_pool_exhausted(tmp_path) -> None:
    engine = create_async_engine(
        f"sqlite+aiosqlite:///{tmp_path / 'app.db'}",
        pool_size=1,
        max_overflow=0,
        pool_timeout=0.1,  # seconds to wait for a free connection
    )
    async with engine.connect() as held:  # e.g. a fixture's connection
        await held.execute(text("SELECT 1"))
        with pytest.raises(PoolTimeoutError) as error:
            async with engine.connect() as second:
                await second.execute(text("SELECT 1"))  # pragma: no cover (never runs)
    assert str(error.value).startswith(
        "QueuePool limit of size 1 overflow 0 reached, connection timed out, "
        "timeout 0.10"
    )
    await engine.dispose()


# --8<-- [end:pool-limit]


# --8<-- [start:gc]
async def test_connection_never_closed(tmp_path) -> None:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'app.db'}")
    threads = threading.active_count()
    connection = await engine.connect()  # never closed
    await connection.execute(text("SELECT 1"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del connection
        gc.collect()  # the pool finds the lost connection
        await stopped(threads)
    messages = [str(warning.message) for warning in caught]
    assert any(
        re.match(
            r"The garbage collector is trying to clean up non-checked-in connection "
            r"<AdaptedConnection <aiosqlite\.core\.Connection object at 0x\w+>>, "
            r"which will be terminated\.",
            message,
        )
        for message in messages
    )
    await engine.dispose()


async def test_connection_closed(tmp_path) -> None:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'app.db'}")
    async with engine.connect() as connection:  # back to the pool at the end
        await connection.execute(text("SELECT 1"))
    await engine.dispose()


# --8<-- [end:gc]


# --8<-- [start:closed]
async def test_aiosqlite_used_after_close() -> None:
    connection = await aiosqlite.connect(":memory:")
    await connection.close()
    with pytest.raises(ValueError, match=r"^no active connection$"):
        await connection.execute("SELECT 1")


async def test_aiosqlite_never_closed() -> None:
    connection = await aiosqlite.connect(":memory:")
    message = (
        "was deleted before being closed. Please use 'async with' or '.close()' "
        "to close the connection properly."
    )
    threads = threading.active_count()
    with pytest.warns(ResourceWarning, match=re.escape(message)):
        del connection  # the last reference goes, still open
    await stopped(threads - 1)


async def test_aiosqlite_in_a_block() -> None:
    async with aiosqlite.connect(":memory:") as connection:  # closed at the end
        cursor = await connection.execute("SELECT 1")
        assert await cursor.fetchone() == (1,)


# --8<-- [end:closed]
