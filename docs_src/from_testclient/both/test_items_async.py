import pytest
from httpx2 import AsyncClient


@pytest.mark.anyio
async def test_create_then_read(async_client: AsyncClient, as_ada: None) -> None:
    created = await async_client.post("/items", json={"name": "lamp"})
    assert created.json()["owner"] == "ada"
    response = await async_client.get(f"/items/{created.json()['id']}")
    assert response.json() == {"name": "lamp"}
