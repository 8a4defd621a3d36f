from collections.abc import AsyncIterator

import anyio
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


@pytest.fixture
async def started_app() -> AsyncIterator[FastAPI]:
    async with LifespanManager(app) as manager:  # (2)!
        yield manager.app


@pytest.fixture
async def client(started_app: FastAPI) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.mark.anyio
async def test_database(client: AsyncClient) -> None:
    response = await client.get("/database")
    assert response.json() == {"name": "shop"}


async def start_app_and_get_database() -> dict[str, str]:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            return (await client.get("/database")).json()


def test_every_event_loop_gets_its_own_client() -> None:
    assert anyio.run(start_app_and_get_database) == {"name": "shop"}
    assert anyio.run(start_app_and_get_database) == {"name": "shop"}  # (3)!
