import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import asyncpg
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import event, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from . import main

CreateDatabase = Callable[[str], Awaitable[str]]


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


# --8<-- [start:databases]
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


@pytest.fixture
async def new_database() -> AsyncIterator[CreateDatabase]:
    server = postgresql_server()
    names: list[str] = []

    async def create(prefix: str) -> str:
        name = f"{prefix}_{uuid.uuid4().hex}"  # (1)!
        url = (
            make_url(server)
            .set(drivername="postgresql+asyncpg", database=name)
            .render_as_string(hide_password=False)
        )
        await admin(server, f'CREATE DATABASE "{name}"')  # (2)!
        names.append(name)
        return url

    yield create
    for name in names:
        await admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --8<-- [end:databases]
# --8<-- [start:production]
@pytest.fixture(autouse=True)
async def production_url(new_database: CreateDatabase) -> AsyncIterator[str]:
    url = await new_database("production")
    import_time_engine = main.engine
    _, stand_in = import_time_engine.dialect.create_connect_args(make_url(url))

    def redirect(
        dialect: Any, record: Any, cargs: Any, cparams: dict[str, Any]
    ) -> None:
        cparams.clear()
        cparams.update(stand_in)  # (1)!

    event.listen(import_time_engine.sync_engine, "do_connect", redirect)
    yield url
    await import_time_engine.dispose()
    event.remove(import_time_engine.sync_engine, "do_connect", redirect)


# --8<-- [end:production]
# --8<-- [start:recipe]
@pytest.fixture
async def test_engine(new_database: CreateDatabase) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(await new_database("test"))
    yield engine
    await engine.dispose()


@pytest.fixture
def test_database(
    test_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncEngine:
    monkeypatch.setattr(main, "engine", test_engine)
    monkeypatch.setattr(
        main, "SessionLocal", async_sessionmaker(test_engine, expire_on_commit=False)
    )
    return test_engine


@pytest.fixture
async def client(test_database: AsyncEngine) -> AsyncIterator[AsyncClient]:
    async with LifespanManager(main.app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [end:recipe]
