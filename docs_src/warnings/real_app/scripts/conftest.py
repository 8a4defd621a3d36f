import os

os.environ["SECRET_KEY"] = "test-secret"  # before the app reads it at import

import pytest
from app.main import app
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client():
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
