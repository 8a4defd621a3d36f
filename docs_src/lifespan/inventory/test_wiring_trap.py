import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_raw_app_misses_the_lifespan_state() -> None:
    async with LifespanManager(app):  # (1)!
        transport = ASGITransport(app=app)  # (2)!
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            with pytest.raises(AttributeError) as error:
                await client.get("/stock/apples")
    assert str(error.value) == "'State' object has no attribute 'inventory'"
