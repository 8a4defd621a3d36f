import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app, store


@pytest.mark.anyio
async def test_create_note_stores_the_text() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/notes", json={"text": "water the basil"})
    assert response.status_code == 201
    saved = await store.get(response.json()["id"])  # (1)!
    assert saved == "water the basil"
