import os
import sys
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager
from types import ModuleType
from typing import Any

import anyio
import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import URL, event, make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)

from .app import db
from .app.main import app

# --8<-- [start:import_time]
IMPORT_TIME = (db.engine, db.SessionLocal, db.audit_engine, db.AuditSession)  # (1)!
METADATA = (db.Base.metadata, db.AuditBase.metadata)  # (2)!
# --8<-- [end:import_time]


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


# --8<-- [start:names]
Name = tuple[ModuleType, str, Any]


def names_holding(objects: Iterable[Any]) -> list[Name]:
    wanted = {id(obj) for obj in objects}
    found = []
    for module in list(sys.modules.values()):  # (1)!
        for attribute, value in list(getattr(module, "__dict__", {}).items()):
            if id(value) in wanted:  # (2)!
                found.append((module, attribute, value))
    return found


def report(names: Iterable[Name]) -> list[str]:
    return sorted(f"{module.__name__}.{attribute}" for module, attribute, _ in names)


# --8<-- [end:names]
# --8<-- [start:guard]
def refuse(url: URL) -> Callable[..., None]:
    def do_connect(*args: Any) -> None:
        raise RuntimeError(
            f"refused to connect to the production database {url}: "  # (1)!
            "a name still holds an engine made at import"
        )

    return do_connect


@pytest.fixture(scope="session", autouse=True)
def production_guard() -> Iterator[None]:
    engines = [obj for obj in IMPORT_TIME if isinstance(obj, AsyncEngine)]
    listeners = [(engine.sync_engine, refuse(engine.url)) for engine in engines]
    for target, listener in listeners:
        event.listen(target, "do_connect", listener)  # (2)!
    yield
    for target, listener in listeners:
        event.remove(target, "do_connect", listener)


# --8<-- [end:guard]
# --8<-- [start:stand_ins]
class EngineOnConnection:
    """Stands in for an import-time engine, on the test's connection."""

    def __init__(self, connection: AsyncConnection) -> None:
        self.connection = connection

    @asynccontextmanager
    async def begin(self) -> AsyncIterator[AsyncConnection]:
        async with self.connection.begin_nested():  # (1)!
            yield self.connection

    async def dispose(self) -> None:
        pass  # (2)!


def stand_in(original: Any, connection: AsyncConnection) -> Any:
    if isinstance(original, AsyncEngine):
        return EngineOnConnection(connection)
    options = original.kw | {
        "bind": connection,
        "join_transaction_mode": "create_savepoint",  # (3)!
    }
    return async_sessionmaker(class_=original.class_, **options)  # (4)!


@asynccontextmanager
async def rolled_back(
    engine: AsyncEngine, names: Iterable[Name], monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        transaction = await connection.begin()  # (5)!
        for module, attribute, original in names:
            monkeypatch.setattr(module, attribute, stand_in(original, connection))
        try:
            yield connection
        finally:
            await transaction.rollback()  # (6)!


# --8<-- [end:stand_ins]
# --8<-- [start:databases]
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
    connection = await asyncpg.connect(server)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


def make_test_engine(url: str) -> AsyncEngine:
    engine = create_async_engine(url)
    if engine.dialect.name == "sqlite":  # (2)!

        @event.listens_for(engine.sync_engine, "connect")
        def configure(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine.sync_engine, "begin")
        def emit_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

    return engine


async def create_tables(url: str) -> None:
    engine = make_test_engine(url)
    try:
        async with engine.begin() as connection:
            for metadata in METADATA:
                await connection.run_sync(metadata.create_all)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])  # (3)!
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite')}/test.db"
        anyio.run(create_tables, url)
        yield url
        return
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"
    url = (
        make_url(server)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    anyio.run(admin, server, f'CREATE DATABASE "{name}"')  # (4)!
    try:
        anyio.run(create_tables, url)  # (5)!
        yield url
    finally:
        anyio.run(admin, server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
async def test_engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_test_engine(database_url)
    yield engine
    await engine.dispose()  # (6)!


# --8<-- [end:databases]
# --8<-- [start:recipe]
@pytest.fixture(scope="session")
def import_time_names() -> list[Name]:
    return names_holding(IMPORT_TIME)  # (1)!


@pytest.fixture
async def connection(
    test_engine: AsyncEngine,
    import_time_names: list[Name],
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[AsyncConnection]:
    async with rolled_back(test_engine, import_time_names, monkeypatch) as connection:
        yield connection  # (2)!


@pytest.fixture
async def client(connection: AsyncConnection) -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:  # (3)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [end:recipe]
