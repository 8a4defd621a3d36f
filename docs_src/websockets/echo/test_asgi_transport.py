import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_asgi_transport_sends_http_not_websocket() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/shout")  # (1)!
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
