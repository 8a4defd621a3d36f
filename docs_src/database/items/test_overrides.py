import pytest
from httpx2 import AsyncClient
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from .main import Item, Review, app, get_reviewer


@pytest.mark.anyio
async def test_review_is_stored_for_the_signed_in_user(
    client: AsyncClient,
    connection: AsyncConnection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(app.dependency_overrides, get_reviewer, lambda: "grace")  # (1)!
    result = await connection.execute(
        insert(Item).values(name="lamp", price=1999).returning(Item.id)
    )
    item_id = result.scalar_one()

    response = await client.post(f"/items/{item_id}/reviews", json={"stars": 4})
    assert response.status_code == 201

    query = select(Review.item_id, Review.reviewer, Review.stars)
    assert (await connection.execute(query)).all() == [(item_id, "grace", 4)]


@pytest.mark.anyio
async def test_review_without_a_user_is_401(client: AsyncClient) -> None:
    response = await client.post("/items/1/reviews", json={"stars": 4})  # (2)!
    assert response.status_code == 401
    assert response.json() == {"detail": "Not signed in"}
