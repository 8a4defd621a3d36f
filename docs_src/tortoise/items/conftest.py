import os
import uuid
from collections.abc import AsyncIterator, Iterator
from urllib.parse import urlsplit, urlunsplit

import anyio
import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from .main import Item, app, tortoise_config


# --8<-- [start:backend]
@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


# --8<-- [end:backend]
# --8<-- [start:postgresql]
def postgresql_server() -> str:
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    return with_scheme(server, "postgresql")  # (1)!


def with_scheme(url: str, scheme: str, database: str = "") -> str:
    parts = urlsplit(url)
    path = f"/{database}" if database else parts.path
    return urlunsplit(parts._replace(scheme=scheme, path=path))


async def admin(server: str, *statements: str) -> None:
    connection = await asyncpg.connect(server)  # (2)!
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


# --8<-- [end:postgresql]
# --8<-- [start:database]
async def create_tables(url: str) -> None:
    async with TortoiseContext() as context:  # (1)!
        await context.init(config=tortoise_config(url))
        await context.generate_schemas()


async def assert_no_rows_left(url: str) -> None:
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(url))
        left = await Item.all().count()
    assert not left, f"rows left behind: item ({left})"


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite://{tmp_path_factory.mktemp('sqlite')}/items.db"
        anyio.run(create_tables, url)
        yield url
        anyio.run(assert_no_rows_left, url)
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"
    url = with_scheme(server, "postgres", database=name)  # (2)!
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')
    try:
        anyio.run(create_tables, url)
        yield url
        anyio.run(assert_no_rows_left, url)
    finally:
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --8<-- [end:database]
# --8<-- [start:app]
@pytest.fixture
async def started_app(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FastAPI]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    async with LifespanManager(app) as manager:  # (1)!
        yield manager.app


# --8<-- [end:app]
# --8<-- [start:rollback]
@pytest.fixture
async def transaction(started_app: FastAPI) -> AsyncIterator[TransactionalDBClient]:
    async with in_transaction() as connection:  # (1)!
        yield connection  # (2)!
        await connection.rollback()  # (3)!


@pytest.fixture
async def client(
    started_app: FastAPI,
    transaction: TransactionalDBClient,  # (4)!
) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


# --8<-- [end:rollback]
