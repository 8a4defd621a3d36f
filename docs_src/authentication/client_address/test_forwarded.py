import pytest
import uvicorn
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from .conftest import client_at
from .main import app

pytestmark = pytest.mark.anyio
FORWARDED = {"X-Forwarded-For": "203.0.113.7"}


# --8<-- [start:header_only]
async def test_forwarded_for_is_only_a_header(client: AsyncClient) -> None:
    response = await client.get("/whoami", headers=FORWARDED)
    assert response.json()["host"] == "127.0.0.1"  # (1)!


# --8<-- [end:header_only]
# --8<-- [start:uvicorn]
async def test_as_uvicorn_serves_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    config = uvicorn.Config(app)
    config.load()  # (1)!
    assert isinstance(config.loaded_app, ProxyHeadersMiddleware)

    async with LifespanManager(config.loaded_app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/whoami", headers=FORWARDED)
            assert response.json() == {"host": "203.0.113.7", "port": 0}  # (2)!

        async with client_at(manager.app, "198.51.100.4") as stranger:
            response = await stranger.get("/whoami", headers=FORWARDED)
            assert response.json()["host"] == "198.51.100.4"  # (3)!


# --8<-- [end:uvicorn]
