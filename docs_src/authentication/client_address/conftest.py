from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from starlette.types import ASGIApp

from .main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def started_app() -> AsyncIterator[ASGIApp]:
    async with LifespanManager(app) as manager:  # (1)!
        yield manager.app


@pytest.fixture
async def client(started_app: ASGIApp) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


def client_at(started_app: ASGIApp, host: str) -> AsyncClient:
    transport = ASGITransport(app=started_app, client=(host, 50000))  # (2)!
    return AsyncClient(transport=transport, base_url="http://test")
