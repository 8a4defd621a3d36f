import gc
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from sqlalchemy import NullPool, make_url, text
from sqlalchemy.exc import DBAPIError, SAWarning
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from .conftest import admin


@pytest.fixture
async def limited_url(server: str, scratch_database: str) -> AsyncIterator[str]:
    """A role that may hold two connections at once, owning the scratch database."""
    role, password = f"limited_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
    await admin(
        server,
        f"CREATE ROLE {role} LOGIN PASSWORD '{password}' CONNECTION LIMIT 2",
        f'ALTER DATABASE "{scratch_database}" OWNER TO {role}',
    )
    url = make_url(server).set(
        drivername="postgresql+asyncpg",
        username=role,
        password=password,
        database=scratch_database,
    )
    yield url.render_as_string(hide_password=False)
    await admin(
        server,
        f'DROP DATABASE IF EXISTS "{scratch_database}" WITH (FORCE)',
        f"DROP ROLE {role}",
    )


async def one_query(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


# --8<-- [start:exhaustion]
@pytest.mark.anyio
async def test_an_engine_per_test_never_disposed_runs_out(limited_url: str) -> None:
    engines = [create_async_engine(limited_url) for _ in range(3)]  # three tests
    try:
        for engine in engines[:2]:
            await one_query(engine)  # (1)!
        with pytest.raises(
            DBAPIError, match='too many connections for role "'
        ) as error:
            await one_query(engines[2])
        assert isinstance(error.value.orig.__cause__, asyncpg.TooManyConnectionsError)
    finally:
        for engine in engines:
            await engine.dispose()


@pytest.mark.anyio
async def test_a_database_limit_gives_its_own_message(
    server: str, scratch_database: str, limited_url: str
) -> None:
    await admin(server, f'ALTER DATABASE "{scratch_database}" CONNECTION LIMIT 1')
    engines = [create_async_engine(limited_url) for _ in range(2)]
    try:
        await one_query(engines[0])
        with pytest.raises(DBAPIError, match="too many connections for database"):
            await one_query(engines[1])
    finally:
        for engine in engines:
            await engine.dispose()


@pytest.mark.anyio
async def test_one_engine_for_the_session_stays_within_the_limit(
    limited_url: str,
) -> None:
    engine = create_async_engine(limited_url)  # (2)!
    try:
        for _ in range(10):  # ten tests, one engine
            await one_query(engine)
    finally:
        await engine.dispose()


@pytest.mark.anyio
async def test_null_pool_keeps_no_connection_open(limited_url: str) -> None:
    engines = [create_async_engine(limited_url, poolclass=NullPool) for _ in range(3)]
    for engine in engines:
        await one_query(engine)  # (3)!


# --8<-- [end:exhaustion]
# --8<-- [start:garbage]
@pytest.mark.anyio
async def test_a_connection_never_closed_is_reported_when_collected(
    limited_url: str,
) -> None:
    engine = create_async_engine(limited_url)
    connection = await engine.connect()  # no `async with`, no close()
    await connection.execute(text("SELECT 1"))
    with pytest.warns(  # noqa: PT031
        SAWarning,
        match="The garbage collector is trying to clean up non-checked-in connection",
    ):
        del connection
        gc.collect()  # (1)!
    await engine.dispose()


# --8<-- [end:garbage]
