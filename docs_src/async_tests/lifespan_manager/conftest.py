from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client() -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:  # (1)!
        transport = ASGITransport(app=manager.app)  # (2)!
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client  # (3)!
