import pytest
from app.database import Item
from httpx2 import AsyncClient
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

pytestmark = pytest.mark.anyio


async def add_item(connection: AsyncConnection, name: str, price: int) -> int:
    query = insert(Item).values(name=name, price=price).returning(Item.id)
    return (await connection.execute(query)).scalar_one()


# --8<-- [start:create]
async def test_create_writes_the_row(
    signed_in: AsyncClient, connection: AsyncConnection
) -> None:
    response = await signed_in.post("/items", json={"name": "lamp", "price": 1999})
    assert response.status_code == 201
    item_id = response.json()["id"]

    query = select(Item.name, Item.price).where(Item.id == item_id)
    assert (await connection.execute(query)).one() == ("lamp", 1999)  # (1)!


# --8<-- [end:create]
async def test_read_returns_the_row(
    signed_in: AsyncClient, connection: AsyncConnection
) -> None:
    item_id = await add_item(connection, "desk", 15000)

    response = await signed_in.get(f"/items/{item_id}")
    assert response.json() == {"id": item_id, "name": "desk", "price": 15000}


async def test_update_changes_the_row(
    signed_in: AsyncClient, connection: AsyncConnection
) -> None:
    item_id = await add_item(connection, "chair", 4500)

    response = await signed_in.patch(f"/items/{item_id}", json={"price": 3900})
    assert response.json() == {"id": item_id, "name": "chair", "price": 3900}

    price = await connection.scalar(select(Item.price).where(Item.id == item_id))
    assert price == 3900


async def test_delete_removes_the_row(
    signed_in: AsyncClient, connection: AsyncConnection
) -> None:
    item_id = await add_item(connection, "shelf", 8000)
    kept = await add_item(connection, "stool", 2500)

    response = await signed_in.delete(f"/items/{item_id}")
    assert response.status_code == 204

    ids = (await connection.scalars(select(Item.id))).all()
    assert ids == [kept]


async def test_missing_item_is_404(signed_in: AsyncClient) -> None:
    response = await signed_in.get("/items/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Item not found"}


async def test_invalid_price_writes_nothing(
    signed_in: AsyncClient, connection: AsyncConnection
) -> None:
    response = await signed_in.post("/items", json={"name": "lamp", "price": -1})
    assert response.status_code == 422

    assert await connection.scalar(select(func.count()).select_from(Item)) == 0
