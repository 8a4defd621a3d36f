import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

pytestmark = pytest.mark.anyio


@pytest.fixture
async def file_engine(tmp_path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'app.db'}")
    yield engine
    await engine.dispose()


# --8<-- [start:two-tasks]
async def test_one_session_in_two_tasks(file_engine: AsyncEngine) -> None:
    async with async_sessionmaker(file_engine)() as session:
        results = await asyncio.gather(
            session.execute(text("SELECT 1")),
            session.execute(text("SELECT 2")),  # the same session, at the same time
            return_exceptions=True,
        )
    assert str(results[1]).startswith(
        "This session is provisioning a new connection; "
        "concurrent operations are not permitted"
    )


async def test_a_session_per_task(file_engine: AsyncEngine) -> None:
    sessions = async_sessionmaker(file_engine)

    async def select(number: int) -> int:
        async with sessions() as session:  # each task opens its own
            return (await session.execute(text(f"SELECT {number}"))).scalar_one()

    assert await asyncio.gather(select(1), select(2)) == [1, 2]


# --8<-- [end:two-tasks]
