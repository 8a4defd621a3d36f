import pytest
from httpx2 import AsyncClient
from starlette.types import ASGIApp

from .conftest import client_at

pytestmark = pytest.mark.anyio
WRONG = {"username": "alice", "password": "guess"}
RIGHT = {"username": "alice", "password": "wonderland"}


# --8<-- [start:default]
async def test_default_address(client: AsyncClient) -> None:
    response = await client.get("/whoami")
    assert response.json() == {"host": "127.0.0.1", "port": 123}  # (1)!


# --8<-- [end:default]
# --8<-- [start:two_addresses]
async def test_limit_counts_each_address_apart(started_app: ASGIApp) -> None:
    async with (
        client_at(started_app, "203.0.113.7") as attacker,
        client_at(started_app, "198.51.100.4") as neighbour,
    ):
        for _ in range(3):
            response = await attacker.post("/login", json=WRONG)
            assert response.status_code == 401
        response = await attacker.post("/login", json=WRONG)
        assert response.status_code == 429  # (1)!
        assert response.json() == {"detail": "Too many attempts"}

        response = await neighbour.post("/login", json=RIGHT)
        assert response.status_code == 200  # (2)!


# --8<-- [end:two_addresses]
# --8<-- [start:shared]
async def test_default_clients_share_one_address(
    started_app: ASGIApp, client: AsyncClient
) -> None:
    for _ in range(3):
        await client.post("/login", json=WRONG)
    async with client_at(started_app, "127.0.0.1") as other:  # (1)!
        response = await other.post("/login", json=WRONG)
    assert response.status_code == 429


# --8<-- [end:shared]
