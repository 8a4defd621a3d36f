from collections.abc import AsyncIterator

import anyio
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from .main import app


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"  # (1)!


@pytest.fixture
async def started_app() -> AsyncIterator[FastAPI]:
    async with LifespanManager(app) as manager:  # (2)!
        yield manager.app


@pytest.mark.anyio
async def test_database(started_app: FastAPI) -> None:
    transport = ASGITransport(app=started_app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/database")
    assert response.json() == {"name": "shop"}


async def start_and_stop_app() -> None:
    async with LifespanManager(app):
        pass


def test_every_event_loop_gets_its_own_client() -> None:
    anyio.run(start_and_stop_app)
    anyio.run(start_and_stop_app)  # (3)!
