from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from .main import AuditEntry, Base, Item, app, get_session

pytestmark = pytest.mark.anyio


# --8<-- [start:look]
async def look_into(url: str) -> tuple[list[str], list[str]]:
    engine = create_async_engine(url)  # (1)!
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(
                lambda sync: sorted(inspect(sync).get_table_names())
            )
            if "audit_log" not in tables:
                return tables, []
            actions = await connection.scalars(select(AuditEntry.action))
            return tables, list(actions)
    finally:
        await engine.dispose()


# --8<-- [end:look]
# --8<-- [start:recipe]
async def test_production_gets_no_table(
    client: AsyncClient, test_database: AsyncEngine, production_url: str
) -> None:
    response = await client.post("/items", json={"name": "lamp"})
    assert response.status_code == 201
    async with test_database.connect() as connection:
        assert (await connection.scalars(select(Item.name))).all() == ["lamp"]
        actions = (await connection.scalars(select(AuditEntry.action))).all()
    assert actions == ["created lamp"]
    assert await look_into(production_url) == ([], [])  # (1)!


# --8<-- [end:recipe]
# --8<-- [start:leak]
@pytest.fixture
async def overrides_only_client(
    test_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    async with test_engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)

    async def get_test_session() -> AsyncIterator[AsyncSession]:
        async with AsyncSession(test_engine, expire_on_commit=False) as session:
            yield session

    monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_an_override_alone_reaches_production(
    overrides_only_client: AsyncClient, production_url: str
) -> None:
    response = await overrides_only_client.post("/items", json={"name": "lamp"})
    assert response.status_code == 201
    assert await look_into(production_url) == (
        ["audit_log", "items"],
        ["created lamp"],
    )  # (1)!


# --8<-- [end:leak]
