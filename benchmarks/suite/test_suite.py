import pytest

pytestmark = pytest.mark.anyio

TESTS = 40
REQUESTS = 20


@pytest.mark.parametrize("test", range(TESTS))
async def test_notes(client, test: int) -> None:
    for number in range(REQUESTS):
        response = await client.post(f"/notes/test-{test}-{number}")
        assert response.status_code == 201, response.text
