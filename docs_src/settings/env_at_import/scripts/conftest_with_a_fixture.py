import pytest
from app.main import app  # the settings are built here, at import
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient


@pytest.fixture(autouse=True)
def environment(monkeypatch):
    monkeypatch.setenv("SHOP_API_TOKEN", "test-token")  # never reached


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(environment):
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
