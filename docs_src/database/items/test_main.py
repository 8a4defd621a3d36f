import pytest
from httpx2 import AsyncClient
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from .main import Item


# --8<-- [start:create]
@pytest.mark.anyio
async def test_create_item_writes_the_row(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    response = await client.post("/items", json={"name": "lamp", "price": 1999})
    assert response.status_code == 201
    item_id = response.json()["id"]

    query = select(Item.name, Item.price).where(Item.id == item_id)
    row = (await connection.execute(query)).one()  # (1)!
    assert row == ("lamp", 1999)


# --8<-- [end:create]


# --8<-- [start:read]
@pytest.mark.anyio
async def test_read_item_returns_the_row(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    result = await connection.execute(
        insert(Item).values(name="desk", price=15000).returning(Item.id)
    )
    item_id = result.scalar_one()  # (1)!

    response = await client.get(f"/items/{item_id}")
    assert response.json() == {"id": item_id, "name": "desk", "price": 15000}


@pytest.mark.anyio
async def test_read_missing_item_is_404(client: AsyncClient) -> None:
    response = await client.get("/items/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Item not found"}


# --8<-- [end:read]
