from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

from .main import app, lifespan


# --8<-- [start:fixtures]
@pytest.fixture
async def started_app() -> AsyncIterator[FastAPI]:
    async with LifespanManager(app) as manager:  # (1)!
        yield manager.app  # (2)!


@pytest.fixture
async def client(started_app: FastAPI) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=started_app)  # (3)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.mark.anyio
async def test_stock_reads_lifespan_state(client: AsyncClient) -> None:
    response = await client.get("/stock/apples")
    assert response.json() == {"apples": 3}


# --8<-- [end:fixtures]
# --8<-- [start:shutdown]
@pytest.mark.anyio
async def test_shutdown_closes_the_inventory() -> None:
    async with lifespan(app) as state:  # (1)!
        inventory = state["inventory"]
        assert not inventory.closed
    assert inventory.closed  # (2)!


# --8<-- [end:shutdown]
