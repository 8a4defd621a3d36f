import pytest

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("test", range(40))
async def test_items(client, test: int) -> None:
    for number in range(20):
        response = await client.post(f"/items/item-{test}-{number}")
        assert response.json() == {"count": number + 1}
