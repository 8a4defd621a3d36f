"""A small suite the benchmark times on one and on two pytest-xdist workers.

Each worker gets its own SQLite file, named after the worker, so two workers never
see each other's rows.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

metadata = MetaData()
items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String, unique=True),
)


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def database_url(worker_id: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    # worker_id is "gw0", "gw1", ... under xdist and "master" without it.
    shared = tmp_path_factory.getbasetemp().parent
    return f"sqlite+aiosqlite:///{shared / f'test-{worker_id}.db'}"


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(database_url)
    async with engine.begin() as conn:
        await conn.run_sync(metadata.drop_all)
        await conn.run_sync(metadata.create_all)
    yield engine
    await engine.dispose()


@pytest.fixture
async def client(engine: AsyncEngine) -> AsyncIterator[AsyncClient]:
    app = FastAPI()

    @app.post("/items/{name}", status_code=201)
    async def add(name: str) -> dict[str, int]:
        async with engine.begin() as conn:
            await conn.execute(insert(items).values(name=name))
            count = (await conn.execute(select(func.count()).select_from(items))).one()
        return {"count": count[0]}

    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
