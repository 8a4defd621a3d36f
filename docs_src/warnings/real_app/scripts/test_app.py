import pytest

pytestmark = pytest.mark.anyio


async def test_log_in(client):
    params = {"username": "alice", "password": "wonderland"}
    response = await client.post("/token", params=params)
    token = response.json()["access_token"]
    response = await client.get("/me", params={"token": token})
    assert response.json() == {"username": "alice"}


async def test_wrong_password(client):
    params = {"username": "alice", "password": "looking-glass"}
    response = await client.post("/token", params=params)
    assert response.status_code == 401


async def test_missing_password(client):
    response = await client.post("/token", params={"username": "alice"})
    assert response.status_code == 422
    assert response.json() == {"title": "Invalid request", "errors": 1}
