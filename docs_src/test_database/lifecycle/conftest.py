import os
import uuid
from collections.abc import AsyncIterator, Iterator

import anyio
import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from .main import Base, app, get_session, make_engine

collect_ignore = ["scripts"]  # run only by test_scopes.py, through pytester


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


# --8<-- [start:server]
def postgresql_server() -> str:
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    url = make_url(server).set(drivername="postgresql")  # (1)!
    return url.render_as_string(hide_password=False)


async def admin(server: str, *statements: str) -> None:
    connection = await asyncpg.connect(server)  # (2)!
    try:
        for statement in statements:
            await connection.execute(statement)  # (3)!
    finally:
        await connection.close()  # (4)!


# --8<-- [end:server]
# --8<-- [start:lifecycle]
@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # (1)!
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite')}/{worker}.db"
        return
    server = postgresql_server()
    name = f"test_{worker}_{uuid.uuid4().hex[:8]}"  # (2)!
    url = (
        make_url(server)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')  # (3)!
    try:
        yield url
    finally:  # (4)!
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)  # (5)!
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()  # (6)!


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
        await transaction.rollback()  # (7)!


# --8<-- [end:lifecycle]
@pytest.fixture
async def client(
    database_url: str, connection: AsyncConnection, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
def server() -> str:
    """A PostgreSQL server for the tests that only PostgreSQL can run."""
    return postgresql_server()


@pytest.fixture
async def scratch_database(server: str) -> AsyncIterator[str]:
    """An empty database of the test's own, dropped at the end whatever happened."""
    name = f"scratch_{uuid.uuid4().hex[:8]}"
    await admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        await admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def scratch_url(server: str, scratch_database: str) -> str:
    """The scratch database's URL for SQLAlchemy."""
    url = make_url(server).set(
        drivername="postgresql+asyncpg", database=scratch_database
    )
    return url.render_as_string(hide_password=False)
