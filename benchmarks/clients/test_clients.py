import pytest

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("test", range(150))
async def test_price(client, test: int) -> None:
    response = await client.get("/price/apples")
    assert response.json() == {"apples": 100}
