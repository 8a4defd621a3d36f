import pytest
from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_greet_uses_lifespan_state() -> None:
    async with LifespanManager(app) as manager:  # (1)!
        transport = ASGITransport(app=manager.app)  # (2)!
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/greet/Ada")
    assert response.json() == {"message": "Hello, Ada!"}
