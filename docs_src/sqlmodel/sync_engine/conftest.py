import os
import uuid
from collections.abc import AsyncIterator, Iterator

import anyio
import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import Connection, Engine, make_url
from sqlmodel import Session, SQLModel

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
        yield f"sqlite:///{tmp_path_factory.mktemp('sqlite')}/heroes.db"
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"
    url = (
        make_url(server)
        .set(drivername="postgresql+psycopg", database=name)
        .render_as_string(hide_password=False)
    )
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --8<-- [start:recipe]
@pytest.fixture(scope="module")
def engine(database_url: str) -> Iterator[Engine]:  # (1)!
    if make_url(database_url).get_backend_name() == "postgresql":
        pytest.importorskip(
            "psycopg", reason="needs psycopg: pip install 'psycopg[binary]'"
        )  # (2)!
    engine = make_engine(database_url)
    SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Connection]:
    with engine.connect() as connection:
        transaction = connection.begin()

        def get_test_session() -> Iterator[Session]:  # (3)!
            with Session(
                bind=connection,
                join_transaction_mode="create_savepoint",
                expire_on_commit=False,
            ) as session:
                yield session

        monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
        yield connection
        transaction.rollback()


@pytest.fixture
async def started_app(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FastAPI]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    async with LifespanManager(app) as manager:
        yield manager.app


@pytest.fixture
async def client(
    started_app: FastAPI, connection: Connection
) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)  # (4)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


# --8<-- [end:recipe]
