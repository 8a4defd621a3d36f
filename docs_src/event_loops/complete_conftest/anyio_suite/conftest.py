import os
import uuid
from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    create_async_engine,
)

from ..main import Base, app, get_session, make_engine

SCOPE = "package"  # (1)!


@pytest.fixture(scope=SCOPE)
def anyio_backend() -> str:
    return "asyncio"  # (2)!


@pytest.fixture(scope=SCOPE, params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> str:
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db')}/test.db"
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    return (
        make_url(server)
        .set(drivername="postgresql+asyncpg")
        .render_as_string(hide_password=False)
    )


@pytest.fixture(scope=SCOPE)
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        url = url.set(database=f"test_{uuid.uuid4().hex}")  # (3)!
        server = create_async_engine(database_url, isolation_level="AUTOCOMMIT")
        async with server.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    engine = make_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATABASE_URL", url.render_as_string(hide_password=False))  # (4)!
        yield engine
    await engine.dispose()
    if url.get_backend_name() == "postgresql":
        async with server.connect() as connection:
            await connection.execute(
                text(f'DROP DATABASE "{url.database}" WITH (FORCE)')
            )
        await server.dispose()


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
