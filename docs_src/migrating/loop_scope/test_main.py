import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from httpx import ASGITransport, AsyncClient

from .main import app

pytestmark = pytest.mark.asyncio(loop_scope="module")  # (1)!


@pytest_asyncio.fixture(loop_scope="module", scope="module")  # (2)!
async def client() -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_app_runs_in_the_module_loop(client: AsyncClient) -> None:
    response = await client.get("/loop")
    assert response.json() == {"loop": id(asyncio.get_running_loop())}


async def test_same_loop_for_the_next_test(client: AsyncClient) -> None:
    response = await client.get("/loop")  # (3)!
    assert response.json() == {"loop": id(asyncio.get_running_loop())}
