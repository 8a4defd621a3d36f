import pytest
from app.database import Item
from httpx2 import AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

pytestmark = pytest.mark.anyio


# --8<-- [start:refused]
@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="no-token"),
        pytest.param({"Authorization": "Bearer change-me"}, id="wrong-token"),
    ],
)
async def test_writes_without_the_token_are_refused(
    client: AsyncClient, connection: AsyncConnection, headers: dict[str, str]
) -> None:
    response = await client.post(
        "/items", json={"name": "lamp", "price": 1999}, headers=headers
    )
    assert response.status_code == 401
    assert response.json() == {"detail": "Missing or wrong token"}
    assert response.headers["WWW-Authenticate"] == "Bearer"

    assert await connection.scalar(select(func.count()).select_from(Item)) == 0


# --8<-- [end:refused]
async def test_reads_need_the_token_too(client: AsyncClient) -> None:
    response = await client.get("/items/1")
    assert response.status_code == 401


# --8<-- [start:accepted]
async def test_the_signed_in_client_is_accepted(signed_in: AsyncClient) -> None:
    response = await signed_in.get("/items/1")
    assert response.status_code == 404  # (1)!


# --8<-- [end:accepted]
