import pytest

pytestmark = pytest.mark.anyio


async def test_basil(client):
    assert (await client.post("/orders/basil")).status_code == 200


async def test_mint(client):
    assert (await client.post("/orders/mint")).status_code == 200


async def test_thyme(client):
    assert (await client.post("/orders/thyme")).status_code == 200
