import pytest
from httpx2 import AsyncClient

from .main import app, get_user


# --8<-- [start:unauthenticated]
@pytest.mark.anyio
async def test_create_item_needs_a_user(client: AsyncClient) -> None:
    response = await client.post("/items", json={"name": "lamp"})
    assert response.status_code == 401


@pytest.mark.anyio
async def test_read_missing_item(client: AsyncClient) -> None:
    response = await client.get("/items/99")
    assert response.status_code == 404


# --8<-- [end:unauthenticated]
# --8<-- [start:create]
@pytest.mark.anyio
async def test_create_then_read(client: AsyncClient, as_ada: None) -> None:
    created = await client.post("/items", json={"name": "lamp"})
    assert created.json()["owner"] == "ada"
    response = await client.get(f"/items/{created.json()['id']}")
    assert response.json() == {"name": "lamp"}


# --8<-- [end:create]
# --8<-- [start:override]
@pytest.mark.anyio
async def test_override_in_the_test(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.dependency_overrides, get_user, lambda: "grace")
    response = await client.post("/items", json={"name": "desk"})
    assert response.json()["owner"] == "grace"


# --8<-- [end:override]
