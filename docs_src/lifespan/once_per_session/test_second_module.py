import pytest
from httpx import AsyncClient

from .main import startups


@pytest.mark.anyio
async def test_app_started_once_per_backend(
    client: AsyncClient, anyio_backend: str
) -> None:
    response = await client.get("/backend")
    assert response.json() == {"backend": anyio_backend}
    assert startups.count(anyio_backend) == 1  # (1)!
