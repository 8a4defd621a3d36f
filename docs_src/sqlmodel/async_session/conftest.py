import os
import uuid
from collections.abc import AsyncIterator, Iterator

import anyio
import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from .main import app, get_session, make_engine


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


def postgresql_server() -> str:
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    url = make_url(server).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def admin(server: str, *statements: str) -> None:
    connection = await asyncpg.connect(server)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite')}/products.db"
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"
    url = (
        make_url(server)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --8<-- [start:recipe]
@pytest.fixture(scope="module")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(SQLModel.metadata.create_all)  # (1)!
    yield engine
    await engine.dispose()


@pytest.fixture
async def connection(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        transaction = await connection.begin()

        async def get_test_session() -> AsyncIterator[AsyncSession]:
            async with AsyncSession(  # (2)!
                bind=connection,
                join_transaction_mode="create_savepoint",
                expire_on_commit=False,
            ) as session:
                yield session

        monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
        yield connection
        await transaction.rollback()


# --8<-- [end:recipe]
@pytest.fixture
async def started_app(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FastAPI]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    async with LifespanManager(app) as manager:
        yield manager.app


@pytest.fixture
async def client(
    started_app: FastAPI, connection: AsyncConnection
) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
