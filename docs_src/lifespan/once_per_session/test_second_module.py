import pytest
from httpx2 import AsyncClient

from .main import startups


@pytest.fixture(autouse=True)
def startups_before_test() -> int:
    return len(startups)  # (1)!


@pytest.mark.anyio
async def test_app_started_once_per_backend(
    client: AsyncClient, anyio_backend: str, startups_before_test: int
) -> None:
    response = await client.get("/backend")
    latest = {"backend": anyio_backend, "startup": startups_before_test}
    assert response.json() == latest  # (2)!
