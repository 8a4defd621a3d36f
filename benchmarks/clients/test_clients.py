import pytest

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("test", range(150))
async def test_root(client, test: int) -> None:
    response = await client.get("/")
    assert response.json() == {"hello": "world"}
