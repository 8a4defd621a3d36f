import pytest
from httpx2 import AsyncClient

from .main import make_token

pytestmark = pytest.mark.anyio


def bearer(name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {make_token(name)}"}


async def test_no_credentials_is_401(client: AsyncClient) -> None:
    response = await client.get("/admin/users")
    assert response.status_code == 401
    assert response.json() == {"detail": "Not authenticated"}
    assert response.headers["WWW-Authenticate"] == "Bearer"  # (1)!


async def test_forged_token_is_401(client: AsyncClient) -> None:
    headers = {"Authorization": "Bearer alice.not-the-signature"}
    response = await client.get("/admin/users", headers=headers)
    assert response.status_code == 401


async def test_wrong_password_is_401(client: AsyncClient) -> None:
    wrong = {"username": "alice", "password": "guess"}
    response = await client.post("/login", json=wrong)
    assert response.status_code == 401
    assert "session" not in client.cookies


async def test_member_is_403(client: AsyncClient) -> None:
    response = await client.get("/admin/users", headers=bearer("bob"))
    assert response.status_code == 403  # (2)!
    assert response.json() == {"detail": "Admins only"}


async def test_admin_is_200(client: AsyncClient) -> None:
    response = await client.get("/admin/users", headers=bearer("alice"))
    assert response.json() == ["alice", "bob"]
