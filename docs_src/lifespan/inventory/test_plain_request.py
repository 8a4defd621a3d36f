import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_plain_request_does_not_run_lifespan() -> None:
    transport = ASGITransport(app=app)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(AttributeError) as error:
            await client.get("/stock/apples")  # (2)!
    assert str(error.value) == "'State' object has no attribute 'inventory'"
