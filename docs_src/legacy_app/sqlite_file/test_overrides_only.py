from collections.abc import AsyncIterator

import anyio
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from .main import AuditEntry, Base, Item, app, get_session

pytestmark = pytest.mark.anyio


# --8<-- [start:client]
@pytest.fixture
async def client(
    test_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    async with test_engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)

    async def get_test_session() -> AsyncIterator[AsyncSession]:
        async with AsyncSession(test_engine, expire_on_commit=False) as session:
            yield session

    monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
    async with LifespanManager(app) as manager:  # (1)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [end:client]
# --8<-- [start:leak]
async def test_an_override_alone_reaches_production(
    client: AsyncClient, test_engine: AsyncEngine, production_db: anyio.Path
) -> None:
    response = await client.post("/items", json={"name": "lamp"})
    assert response.status_code == 201
    async with test_engine.connect() as connection:
        assert (await connection.scalars(select(Item.name))).all() == ["lamp"]  # (1)!

    assert await production_db.exists()  # (2)!
    production = create_async_engine(f"sqlite+aiosqlite:///{production_db}")
    try:
        async with production.connect() as connection:
            tables = await connection.run_sync(
                lambda sync: inspect(sync).get_table_names()
            )
            actions = (await connection.scalars(select(AuditEntry.action))).all()
    finally:
        await production.dispose()
    assert tables == ["audit_log", "items"]  # (3)!
    assert actions == ["created lamp"]  # (4)!


# --8<-- [end:leak]
