import pytest
from httpx2 import AsyncClient

pytestmark = pytest.mark.anyio


async def test_requests_share_the_lifespan_state(client: AsyncClient) -> None:
    first = await client.post("/visit/ann")
    second = await client.post("/visit/bob")
    assert first.json() == {"visits": [], "last": None}
    assert second.json() == {"visits": ["ann"], "last": "ann"}  # (1)!


async def test_each_lifespan_starts_afresh(client: AsyncClient) -> None:
    response = await client.post("/visit/cy")
    assert response.json() == {"visits": [], "last": None}  # (2)!
