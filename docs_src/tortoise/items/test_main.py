import pytest
from httpx2 import AsyncClient
from tortoise.backends.base.client import TransactionalDBClient
from tortoise.exceptions import IntegrityError, TransactionManagementError

from .main import Item

pytestmark = pytest.mark.anyio


# --8<-- [start:create]
async def test_create_item_writes_the_row(client: AsyncClient) -> None:
    response = await client.post("/items", json={"name": "pen", "price": 150})
    assert response.status_code == 201
    row = await Item.get(name="pen")  # (1)!
    assert row.price == 150
    assert response.json() == {"id": row.id, "name": "pen", "price": 150}


# --8<-- [end:create]
# --8<-- [start:read]
async def test_read_item_finds_the_row(client: AsyncClient) -> None:
    row = await Item.create(name="ink", price=300)  # (1)!
    response = await client.get(f"/items/{row.id}")
    assert response.status_code == 200
    assert response.json() == {"id": row.id, "name": "ink", "price": 300}


# --8<-- [end:read]
# --8<-- [start:duplicate]
async def test_duplicate_name_is_refused(client: AsyncClient) -> None:
    first = await client.post("/items", json={"name": "cup", "price": 500})
    second = await client.post("/items", json={"name": "cup", "price": 900})
    assert (first.status_code, second.status_code) == (201, 409)
    assert await Item.filter(name="cup").values_list("price", flat=True) == [
        500
    ]  # (1)!


# --8<-- [end:duplicate]
# --8<-- [start:aborted]
async def test_a_failed_insert_outside_a_savepoint_aborts_the_transaction(
    transaction: TransactionalDBClient, database_url: str
) -> None:
    await Item.create(name="cup", price=500)
    with pytest.raises(IntegrityError):
        await Item.create(name="cup", price=900)  # (1)!
    if database_url.startswith("sqlite"):
        assert await Item.all().count() == 1  # (2)!
        return
    message = (
        "current transaction is aborted, commands ignored "
        "until end of transaction block"
    )
    with pytest.raises(TransactionManagementError, match=message):
        await Item.all().count()  # (3)!


# --8<-- [end:aborted]
async def test_missing_item_is_404(client: AsyncClient) -> None:
    response = await client.get("/items/999999")
    assert response.status_code == 404
