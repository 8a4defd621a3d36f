import pytest
from httpx2 import AsyncClient

from .main import make_token

pytestmark = pytest.mark.anyio


async def test_default_header_is_sent_with_every_request(
    admin_client: AsyncClient,
) -> None:
    response = await admin_client.get("/me")
    assert response.json() == {"name": "alice", "role": "admin"}


async def test_per_request_header(client: AsyncClient) -> None:
    headers = {"Authorization": f"Bearer {make_token('bob')}"}
    response = await client.get("/me", headers=headers)
    assert response.json() == {"name": "bob", "role": "member"}


async def test_per_request_header_replaces_the_default(
    admin_client: AsyncClient,
) -> None:
    headers = {"Authorization": f"Bearer {make_token('bob')}"}
    response = await admin_client.get("/admin/users", headers=headers)  # (1)!
    assert response.status_code == 403
