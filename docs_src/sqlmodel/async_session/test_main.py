import pytest
from httpx2 import AsyncClient
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .main import Product


# --8<-- [start:tests]
@pytest.mark.anyio
async def test_create_product_writes_the_row(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    response = await client.post("/products", json={"name": "lamp", "price": 1999})
    assert response.status_code == 201
    product_id = response.json()["id"]

    query = select(Product.name, Product.price).where(Product.id == product_id)
    assert (await connection.execute(query)).one() == ("lamp", 1999)


@pytest.mark.anyio
async def test_duplicate_is_409_and_the_test_goes_on(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    await client.post("/products", json={"name": "lamp", "price": 1999})
    second = await client.post("/products", json={"name": "lamp", "price": 5})
    assert second.status_code == 409

    async with AsyncSession(bind=connection) as session:  # (1)!
        rows = (await session.exec(select(Product))).all()
    assert [(row.name, row.price) for row in rows] == [("lamp", 1999)]


@pytest.mark.anyio
async def test_read_product_finds_a_row_the_test_wrote(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    async with AsyncSession(bind=connection, expire_on_commit=False) as session:
        product = Product(name="desk", price=15000)
        session.add(product)
        await session.flush()  # (2)!

    response = await client.get(f"/products/{product.id}")
    assert response.json() == {"id": product.id, "name": "desk", "price": 15000}


# --8<-- [end:tests]
@pytest.mark.anyio
async def test_each_test_starts_empty(client: AsyncClient, connection: AsyncConnection):
    count = await connection.scalar(select(func.count()).select_from(Product))
    assert count == 0
    response = await client.get("/products/1")
    assert response.status_code == 404
