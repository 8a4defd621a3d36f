import pytest
from httpx2 import AsyncClient

from .main import User, app, get_current_user

pytestmark = pytest.mark.anyio


# --8<-- [start:override]
async def test_override_the_current_user(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def carol() -> User:
        return User(name="carol", role="member")  # (1)!

    monkeypatch.setitem(app.dependency_overrides, get_current_user, carol)
    response = await client.get("/admin/users")
    assert response.status_code == 403  # (2)!


# --8<-- [end:override]
# --8<-- [start:login_flow]
async def test_real_login_flow(client: AsyncClient) -> None:
    login = {"username": "alice", "password": "wonderland"}
    response = await client.post("/login", json=login)
    token = response.json()["access_token"]
    client.cookies.clear()  # (1)!

    client.headers["Authorization"] = f"Bearer {token}"
    response = await client.get("/admin/users")
    assert response.json() == ["alice", "bob"]


# --8<-- [end:login_flow]
