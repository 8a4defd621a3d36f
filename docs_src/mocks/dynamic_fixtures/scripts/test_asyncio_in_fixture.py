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


@pytest.fixture
def any_client(request):
    return request.getfixturevalue(request.param)  # during setup


@pytest.mark.asyncio
@pytest.mark.parametrize("any_client", ["client"], indirect=True)
async def test_docs_page(any_client):
    response = await any_client.get("/docs")
    assert response.status_code == 200
