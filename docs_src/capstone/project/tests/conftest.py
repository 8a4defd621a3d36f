import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import anyio
import asyncpg
import pytest
from app.database import Base, get_session, make_engine
from app.main import create_app
from app.settings import Settings
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient, MockTransport
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from starlette.types import ASGIApp
from support import FakeWebhook, postgresql_server

TOKEN = "test-token"
WEBHOOK_URL = "https://hooks.test/shop"


# --8<-- [start:backend]
@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


# --8<-- [end:backend]
# --8<-- [start:database_url]
async def admin(server: str, *statements: str) -> None:
    connection = await asyncpg.connect(server)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])  # (1)!
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite')}/test.db"
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"
    url = (
        make_url(server)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')  # (2)!
    try:
        yield url
    finally:
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --8<-- [end:database_url]
# --8<-- [start:engine]
@pytest.fixture(scope="module")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)  # (1)!
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()


# --8<-- [end:engine]
# --8<-- [start:settings]
@pytest.fixture
def settings(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    monkeypatch.setenv("SHOP_DATABASE_URL", database_url)  # (1)!
    monkeypatch.setenv("SHOP_API_TOKEN", TOKEN)
    monkeypatch.setenv("SHOP_WEBHOOK_URL", WEBHOOK_URL)
    workdir = tmp_path / "workdir"
    workdir.mkdir()
    monkeypatch.chdir(workdir)  # (2)!
    return Settings()


# --8<-- [end:settings]
# --8<-- [start:webhook]
@pytest.fixture
def webhook() -> FakeWebhook:
    return FakeWebhook()


# --8<-- [end:webhook]
# --8<-- [start:app]
@pytest.fixture
def app(webhook: FakeWebhook) -> FastAPI:
    return create_app(webhook_transport=MockTransport(webhook.handle))  # (1)!


@pytest.fixture
async def started_app(app: FastAPI, settings: Settings) -> AsyncIterator[ASGIApp]:
    async with LifespanManager(app) as manager:  # (2)!
        yield manager.app


# --8<-- [end:app]
# --8<-- [start:connection]
@pytest.fixture
async def connection(
    app: FastAPI, engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
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


# --8<-- [end:connection]
# --8<-- [start:client]
@pytest.fixture
async def client(
    started_app: ASGIApp, connection: AsyncConnection
) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.fixture
async def signed_in(
    started_app: ASGIApp, connection: AsyncConnection
) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    headers = {"Authorization": f"Bearer {TOKEN}"}  # (1)!
    async with AsyncClient(
        transport=transport, base_url="http://test", headers=headers
    ) as client:
        yield client


# --8<-- [end:client]
