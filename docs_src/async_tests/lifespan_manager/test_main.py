import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_greet_uses_lifespan_state(client: AsyncClient) -> None:
    response = await client.get("/greet/Ada")
    assert response.json() == {"message": "Hello, Ada!"}


@pytest.mark.anyio
async def test_greet_without_lifespan_has_no_state() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(AttributeError) as error:
            await client.get("/greet/Ada")
    assert str(error.value) == "'State' object has no attribute 'greeting'"
