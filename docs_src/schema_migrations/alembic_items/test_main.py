import pytest
from httpx2 import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from .main import Item


@pytest.mark.anyio
async def test_create_item_on_the_migrated_schema(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    response = await client.post("/items", json={"name": "lamp", "price": 1999})
    assert response.status_code == 201

    rows = (await connection.execute(select(Item.name, Item.price))).all()
    assert rows == [("lamp", 1999)]


@pytest.mark.anyio
async def test_read_missing_item_is_404(client: AsyncClient) -> None:
    response = await client.get("/items/1")
    assert response.status_code == 404
