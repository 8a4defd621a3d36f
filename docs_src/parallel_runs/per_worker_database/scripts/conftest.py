import os
import uuid
from collections.abc import AsyncIterator, Iterator

import anyio
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine

from .main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


async def run_ddl(server: str, statement: str) -> None:
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


# --8<-- [start:per_worker]
@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")  # (1)!
    if request.param == "sqlite":
        folder = tmp_path_factory.mktemp("sqlite")  # (2)!
        yield f"sqlite+aiosqlite:///{folder}/{worker}.db"
        return
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    server = make_url(server).set(drivername="postgresql+asyncpg")
    name = f"test_{worker}_{uuid.uuid4().hex[:8]}"  # (3)!
    anyio.run(run_ddl, server, f'CREATE DATABASE "{name}"')
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    anyio.run(run_ddl, server, f'DROP DATABASE "{name}" WITH (FORCE)')


# --8<-- [end:per_worker]


@pytest.fixture
async def client(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
