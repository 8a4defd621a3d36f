import pytest
import pytest_asyncio
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

app = FastAPI()


@pytest_asyncio.fixture
async def client():
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.mark.asyncio
async def test_docs_page(request):
    client = request.getfixturevalue("client")  # inside the running test
    response = await client.get("/docs")
    assert response.status_code == 200
