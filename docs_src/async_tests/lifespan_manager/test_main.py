import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_greet_uses_lifespan_state() -> None:
    async with LifespanManager(app) as manager:  # (1)!
        transport = ASGITransport(app=manager.app)  # (2)!
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/greet/Ada")
    assert response.json() == {"message": "Hello, Ada!"}


@pytest.mark.anyio
async def test_greet_without_lifespan_has_no_state() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(AttributeError) as error:
            await client.get("/greet/Ada")
    assert str(error.value) == "'State' object has no attribute 'greeting'"
