import pytest
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

app = FastAPI()


@pytest.fixture  # a plain pytest fixture...
async def client():
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.mark.asyncio  # ...for a pytest-asyncio test in strict mode
async def test_docs_page(client):
    response = await client.get("/docs")
    assert response.status_code == 200
