import pytest
from httpx2 import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from .main import Item


@pytest.mark.anyio
async def test_invalid_item_is_rejected_and_nothing_is_written(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    response = await client.post("/items", json={"name": "lamp", "price": -1})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "price"]

    count = await connection.scalar(select(func.count()).select_from(Item))
    assert count == 0  # (1)!


@pytest.mark.anyio
async def test_duplicate_is_rejected_and_the_first_row_is_kept(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    first = await client.post("/items", json={"name": "lamp", "price": 1999})
    second = await client.post("/items", json={"name": "lamp", "price": 5})
    assert second.status_code == 409
    assert second.json() == {"detail": "An item named 'lamp' exists"}

    rows = (await connection.execute(select(Item.id, Item.name, Item.price))).all()
    assert rows == [(first.json()["id"], "lamp", 1999)]  # (2)!
