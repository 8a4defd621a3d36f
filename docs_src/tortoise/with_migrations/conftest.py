import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import anyio
import asyncpg
import pytest
from aerich import Command
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from .main import app, tortoise_config


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
    return with_scheme(server, "postgresql")


def with_scheme(url: str, scheme: str, database: str = "") -> str:
    parts = urlsplit(url)
    path = f"/{database}" if database else parts.path
    return urlunsplit(parts._replace(scheme=scheme, path=path))


async def admin(server: str, *statements: str) -> None:
    connection = await asyncpg.connect(server)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


# --8<-- [start:migrate]
MIGRATIONS = Path(__file__).parent / "migrations"


def command(url: str) -> Command:
    config = tortoise_config(url)
    [name] = config["connections"]  # (1)!
    return Command(config, app="models", location=str(MIGRATIONS / name))


async def apply_migrations(url: str) -> list[str]:
    async with TortoiseContext(), command(url) as aerich:  # (2)!
        return await aerich.upgrade(run_in_transaction=True)  # (3)!


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite://{tmp_path_factory.mktemp('sqlite')}/items.db"
        anyio.run(apply_migrations, url)  # (4)!
        yield url
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"
    url = with_scheme(server, "postgres", database=name)
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')
    try:
        anyio.run(apply_migrations, url)
        yield url
    finally:
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --8<-- [end:migrate]
@pytest.fixture
async def started_app(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FastAPI]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    async with LifespanManager(app) as manager:
        yield manager.app


@pytest.fixture
async def transaction(started_app: FastAPI) -> AsyncIterator[TransactionalDBClient]:
    async with in_transaction() as connection:
        yield connection
        await connection.rollback()


@pytest.fixture
async def client(
    started_app: FastAPI, transaction: TransactionalDBClient
) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
