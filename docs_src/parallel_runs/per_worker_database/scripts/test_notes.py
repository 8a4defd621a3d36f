import pytest
from httpx2 import AsyncClient

TITLES = [f"note {number}" for number in range(20)]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.anyio
async def test_create_note(client: AsyncClient, title: str) -> None:
    response = await client.post("/notes", json={"title": title})  # (1)!
    assert response.status_code == 201
