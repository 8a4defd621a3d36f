from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.fixture
async def client() -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:  # (1)!
        transport = ASGITransport(app=manager.app)  # (2)!
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.mark.anyio  # (3)!
async def test_price_comes_from_the_catalog(client: AsyncClient) -> None:
    response = await client.get("/price/basil")
    assert response.json() == {"price": 3}
