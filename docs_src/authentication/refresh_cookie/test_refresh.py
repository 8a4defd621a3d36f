import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app

pytestmark = pytest.mark.anyio
ALICE = {"username": "alice", "password": "wonderland"}


# --8<-- [start:https]
async def test_refresh_then_logout(client: AsyncClient) -> None:
    response = await client.post("/login", json=ALICE)
    attributes = response.headers["set-cookie"].split("; ")
    assert {"Secure", "HttpOnly", "SameSite=strict"} <= set(attributes)  # (1)!

    response = await client.post("/refresh")
    assert response.status_code == 200  # (2)!

    response = await client.post("/logout")
    assert response.status_code == 204
    assert "refresh" not in client.cookies  # (3)!
    response = await client.post("/refresh")
    assert response.status_code == 401


# --8<-- [end:https]
# --8<-- [start:http]
@pytest.mark.parametrize("path", ["/refresh", "/logout"])
async def test_http_base_url_never_sends_a_secure_cookie(path: str) -> None:
    """Refresh or logout returns 401 in tests, though login set the cookie."""
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.post("/login", json=ALICE)
            assert response.status_code == 200
            assert "refresh" in client.cookies  # (1)!

            response = await client.post(path)  # (2)!
            assert "cookie" not in response.request.headers
            assert response.status_code == 401
            assert response.json() == {"detail": "No refresh cookie"}


# --8<-- [end:http]
async def test_wrong_password_sets_no_cookie(client: AsyncClient) -> None:
    wrong = {"username": "alice", "password": "guess"}
    response = await client.post("/login", json=wrong)
    assert response.status_code == 401
    assert "refresh" not in client.cookies
