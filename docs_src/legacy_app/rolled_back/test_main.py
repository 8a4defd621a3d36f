import pytest
from httpx2 import AsyncClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from .app.db import AuditEntry, Item

pytestmark = pytest.mark.anyio


# --8<-- [start:writes]
@pytest.mark.parametrize("run", ["first", "second"])  # (1)!
async def test_every_write_lands_on_the_test_connection(
    client: AsyncClient, connection: AsyncConnection, run: str
) -> None:
    response = await client.post("/items", json={"name": "lamp"})
    assert response.status_code == 201

    assert (await connection.scalars(select(Item.name))).all() == ["lamp"]  # (2)!
    actions = (await connection.scalars(select(AuditEntry.action))).all()
    assert actions == ["created lamp"]  # (3)!


# --8<-- [end:writes]
# --8<-- [start:duplicate]
async def test_a_failed_commit_leaves_the_test_transaction_usable(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    await client.post("/items", json={"name": "lamp"})
    response = await client.post("/items", json={"name": "lamp"})
    assert response.status_code == 409

    assert (await connection.scalars(select(Item.name))).all() == ["lamp"]  # (1)!


# --8<-- [end:duplicate]
