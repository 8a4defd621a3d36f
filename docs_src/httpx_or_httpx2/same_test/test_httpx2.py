import httpx2
import pytest

from .main import app


@pytest.mark.anyio
async def test_read_book() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        response = await client.get("/books/1")
        missing = await client.get("/books/2")
    assert response.json() == {"title": "Dune"}
    with pytest.raises(httpx2.HTTPStatusError):
        missing.raise_for_status()
