import httpx
import pytest

from .main import app


@pytest.mark.anyio
async def test_read_book() -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/books/1")
        missing = await client.get("/books/2")
    assert response.json() == {"title": "Dune"}
    with pytest.raises(httpx.HTTPStatusError):
        missing.raise_for_status()
