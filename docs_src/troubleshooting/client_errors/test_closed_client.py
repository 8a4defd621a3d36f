import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app

pytestmark = pytest.mark.anyio


# --8<-- [start:closed]
@pytest.fixture
async def returned_client() -> AsyncClient:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        return client  # (1)!


async def test_client_closed_by_its_fixture(returned_client: AsyncClient) -> None:
    with pytest.raises(RuntimeError) as error:
        await returned_client.get("/items/1")
    assert str(error.value) == "Cannot send a request, as the client has been closed."


# --8<-- [end:closed]


# --8<-- [start:reopen]
async def test_client_opened_twice() -> None:
    client = AsyncClient(transport=ASGITransport(app=app), base_url="http://test")
    async with client:  # the first test that uses a shared client
        assert (await client.get("/items/1")).status_code == 200
    with pytest.raises(RuntimeError) as error:
        await client.__aenter__()
    assert str(error.value) == (
        "Cannot reopen a client instance, once it has been closed."
    )


# --8<-- [end:reopen]


# --8<-- [start:fix]
async def test_client_yielded_by_its_fixture(client: AsyncClient) -> None:
    response = await client.get("/items/1")
    assert response.json() == {"name": "hammer", "price": 9.5}


# --8<-- [end:fix]
