import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio  # (1)!
async def test_ping() -> None:  # (2)!
    transport = ASGITransport(app=app)  # (3)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/ping")  # (4)!
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
