from collections.abc import AsyncIterator

import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client() -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=app)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
