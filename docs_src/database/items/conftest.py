import os
import uuid
from collections.abc import AsyncIterator, Iterator

import anyio
import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import func, make_url, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from .main import Base, app, get_session, make_engine


# --8<-- [start:backend]
@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


# --8<-- [end:backend]
# --8<-- [start:app]
@pytest.fixture
async def started_app(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FastAPI]:
    monkeypatch.setenv("DATABASE_URL", database_url)  # (1)!
    async with LifespanManager(app) as manager:
        yield manager.app


@pytest.fixture
async def client(
    started_app: FastAPI,
    connection: AsyncConnection,  # (2)!
) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


# --8<-- [end:app]
# --8<-- [start:postgresql]
def postgresql_server() -> str:
    server = os.environ.get("POSTGRESQL_TEST_URL")  # (1)!
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    url = make_url(server).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def admin(server: str, *statements: str) -> None:
    connection = await asyncpg.connect(server)  # (2)!
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


# --8<-- [end:postgresql]
# --8<-- [start:database]
async def assert_no_rows_left(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            counts = {
                table.name: await connection.scalar(
                    select(func.count()).select_from(table)
                )
                for table in Base.metadata.sorted_tables  # (1)!
            }
    finally:
        await engine.dispose()
    left = ", ".join(f"{name} ({count})" for name, count in counts.items() if count)
    assert not left, f"rows left behind: {left}"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])  # (2)!
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite')}/items.db"
        yield url
        anyio.run(assert_no_rows_left, url)  # (3)!
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"  # (4)!
    url = (
        make_url(server)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')  # (5)!
    try:
        yield url
        anyio.run(assert_no_rows_left, url)
    finally:
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)  # (6)!
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()  # (7)!


# --8<-- [end:database]
# --8<-- [start:rollback]
@pytest.fixture
async def connection(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        transaction = await connection.begin()  # (1)!

        async def get_test_session() -> AsyncIterator[AsyncSession]:
            async with AsyncSession(
                bind=connection,
                join_transaction_mode="create_savepoint",  # (2)!
                expire_on_commit=False,
            ) as session:
                yield session

        monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
        yield connection  # (3)!
        await transaction.rollback()  # (4)!


# --8<-- [end:rollback]
