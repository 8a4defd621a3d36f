import pytest
from httpx2 import AsyncClient

from .main import store


@pytest.mark.anyio
async def test_create_note_stores_the_text(client: AsyncClient) -> None:
    response = await client.post("/notes", json={"text": "water the basil"})
    assert response.status_code == 201
    saved = await store.get(response.json()["id"])  # (1)!
    assert saved == "water the basil"
