import os
import uuid
from collections.abc import AsyncIterator

import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from ..main import Base, app, get_session, make_engine

SCOPE = "package"  # (1)!


@pytest.fixture(scope=SCOPE)
def anyio_backend() -> str:
    return "asyncio"  # (2)!


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


@pytest.fixture(scope=SCOPE, params=["sqlite", "postgresql"])
async def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db')}/test.db"
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"  # (3)!
    url = (
        make_url(server)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    await admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        await admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope=SCOPE)
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATABASE_URL", database_url)  # (4)!
        yield engine
    await engine.dispose()


@pytest.fixture
async def connection(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        transaction = await connection.begin()

        async def get_test_session() -> AsyncIterator[AsyncSession]:
            async with AsyncSession(
                bind=connection,
                join_transaction_mode="create_savepoint",
                expire_on_commit=False,
            ) as session:
                yield session

        monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
        yield connection
        await transaction.rollback()


@pytest.fixture
async def client(connection: AsyncConnection) -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
