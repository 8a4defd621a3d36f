import pytest
from httpx2 import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from ..main import Item, app, get_session

pytestmark = pytest.mark.asyncio(loop_scope="package")  # (1)!


async def test_create_item_writes_row(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    response = await client.post("/items", params={"name": "basil"})
    assert response.status_code == 201
    count = await connection.scalar(select(func.count()).select_from(Item))
    assert count == 1


async def test_each_test_starts_empty(client: AsyncClient) -> None:
    assert (await client.get("/items")).json() == []
    await client.post("/items", params={"name": "mint"})
    assert (await client.get("/items")).json() == ["mint"]


async def test_app_session_sees_only_committed_rows(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await client.post("/items", params={"name": "basil"})
    monkeypatch.delitem(app.dependency_overrides, get_session)  # (2)!
    assert (await client.get("/items")).json() == []
