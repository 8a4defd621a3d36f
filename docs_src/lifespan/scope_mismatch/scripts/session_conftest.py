from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
async def started_app() -> AsyncIterator[FastAPI]:
    async with LifespanManager(app) as manager:
        yield manager.app


@pytest.fixture
async def client(started_app: FastAPI) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
