import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client():
    async with LifespanManager(app) as manager:  # a startup per test
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
