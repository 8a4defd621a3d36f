import pytest
from httpx2 import AsyncClient

from .main import startups


@pytest.fixture(autouse=True)
def startups_before_test() -> int:
    return len(startups)  # (1)!


@pytest.mark.anyio
async def test_app_started_before_this_test(
    client: AsyncClient, startups_before_test: int
) -> None:
    response = await client.get("/startup")
    assert response.json() == {"startup": startups_before_test}  # (2)!
