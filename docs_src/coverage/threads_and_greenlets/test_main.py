import pytest
from httpx2 import AsyncClient

pytestmark = pytest.mark.anyio


async def test_total(client: AsyncClient) -> None:
    response = await client.get("/total")
    assert response.json() == {"total": 6}


async def test_answer(client: AsyncClient) -> None:
    response = await client.get("/answer")
    assert response.json() == {"answer": 42}
