# --8<-- [start:error]
import asyncio
import re
from collections.abc import Iterator

import pytest
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from . import main


async def ping() -> dict[str, bool]:
    transport = ASGITransport(app=main.app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        return (await client.get("/ping")).json()


@pytest.fixture
def import_time_engine(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AsyncEngine]:
    engine = create_async_engine(postgresql_url)
    monkeypatch.setattr(main, "engine", engine)  # (1)!
    yield engine
    asyncio.run(engine.dispose())  # (2)!


async def discard_connections(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.invalidate()  # drop the broken connection without I/O
    await engine.dispose()


def test_pooled_connection_fails_in_the_next_event_loop(
    import_time_engine: AsyncEngine,
) -> None:
    with asyncio.Runner() as first_test, asyncio.Runner() as second_test:  # (3)!
        assert first_test.run(ping()) == {"database": True}
        with pytest.raises(RuntimeError) as error:
            second_test.run(ping())  # (4)!
        first_test.run(discard_connections(import_time_engine))
    assert re.fullmatch(
        r"Task <.*> got Future <Future pending cb=\[BaseProtocol\."
        r"_on_waiter_completed\(\)\]> attached to a different loop",
        str(error.value),
    )


# --8<-- [end:error]


# --8<-- [start:fixes]
def test_dispose_at_the_end_of_each_event_loop(import_time_engine: AsyncEngine) -> None:
    async def ping_then_dispose() -> dict[str, bool]:
        try:
            return await ping()
        finally:
            await import_time_engine.dispose()  # (1)!

    assert asyncio.run(ping_then_dispose()) == {"database": True}
    assert asyncio.run(ping_then_dispose()) == {"database": True}


def test_nullpool_keeps_no_connection_between_event_loops(
    postgresql_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_async_engine(postgresql_url, poolclass=NullPool)  # (2)!
    monkeypatch.setattr(main, "engine", engine)
    try:
        assert asyncio.run(ping()) == {"database": True}
        assert asyncio.run(ping()) == {"database": True}
    finally:
        asyncio.run(engine.dispose())


def test_one_event_loop_for_every_use(import_time_engine: AsyncEngine) -> None:
    with asyncio.Runner() as runner:  # (3)!
        assert runner.run(ping()) == {"database": True}
        assert runner.run(ping()) == {"database": True}
        runner.run(import_time_engine.dispose())


# --8<-- [end:fixes]
