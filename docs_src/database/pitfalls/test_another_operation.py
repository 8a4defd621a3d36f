# --8<-- [start:error]
import asyncio

import asyncpg
import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine


@pytest.fixture
def dsn(postgresql_url: str) -> str:
    # asyncpg wants postgresql://..., SQLAlchemy postgresql+asyncpg://...
    url = make_url(postgresql_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


@pytest.mark.anyio
async def test_one_connection_shared_by_two_tasks(dsn: str) -> None:
    connection = await asyncpg.connect(dsn)
    try:
        results = await asyncio.gather(
            connection.fetchval("SELECT 1 FROM pg_sleep(0.05)"),
            connection.fetchval("SELECT 2"),  # (1)!
            return_exceptions=True,
        )
    finally:
        await connection.close()
    assert results[0] == 1
    assert isinstance(results[1], asyncpg.InterfaceError)
    assert str(results[1]) == (
        "cannot perform operation: another operation is in progress"
    )


# --8<-- [end:error]


# --8<-- [start:fixes]
@pytest.mark.anyio
async def test_a_pool_gives_each_task_its_own_connection(dsn: str) -> None:
    async with asyncpg.create_pool(dsn, min_size=1, max_size=2) as pool:
        results = await asyncio.gather(
            pool.fetchval("SELECT 1 FROM pg_sleep(0.05)"),  # (1)!
            pool.fetchval("SELECT 2"),
        )
    assert results == [1, 2]


@pytest.mark.anyio
async def test_sqlalchemy_makes_tasks_take_turns(postgresql_url: str) -> None:
    engine = create_async_engine(postgresql_url)
    try:
        async with engine.connect() as connection:
            results = await asyncio.gather(
                connection.scalar(text("SELECT 1 FROM pg_sleep(0.05)")),  # (2)!
                connection.scalar(text("SELECT 2")),
            )
    finally:
        await engine.dispose()
    assert results == [1, 2]


# --8<-- [end:fixes]
