import pytest
from httpx2 import AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession

from .factories import ItemFactory, ItemInFactory
from .main import Item

pytestmark = pytest.mark.anyio


# --8<-- [start:in_test]
async def test_read_an_item_made_by_the_factory(client: AsyncClient) -> None:
    item = await ItemFactory.create_async()  # (1)!

    response = await client.get(f"/items/{item.id}")

    assert response.json() == {"id": item.id, "name": item.name, "price": item.price}


# --8<-- [end:in_test]
# --8<-- [start:in_fixture]
@pytest.fixture
async def catalogue(session: AsyncSession) -> list[Item]:
    return await ItemFactory.create_batch_async(3)  # (1)!


async def test_list_every_item(client: AsyncClient, catalogue: list[Item]) -> None:
    response = await client.get("/items")
    names = [item["name"] for item in response.json()]
    assert names == sorted(item.name for item in catalogue)


# --8<-- [end:in_fixture]
# --8<-- [start:payload]
async def test_create_from_a_built_payload(
    client: AsyncClient, session: AsyncSession
) -> None:
    payload = ItemInFactory.build()  # (1)!

    response = await client.post("/items", json=payload.model_dump())

    assert response.status_code == 201
    row = await session.get(Item, response.json()["id"])  # (2)!
    assert row is not None
    assert (row.name, row.price) == (payload.name, payload.price)


async def test_duplicate_name_is_409(client: AsyncClient) -> None:
    existing = await ItemFactory.create_async()
    payload = ItemInFactory.build(name=existing.name)  # (3)!

    response = await client.post("/items", json=payload.model_dump())

    assert response.status_code == 409


# --8<-- [end:payload]
