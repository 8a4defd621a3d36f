import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from httpx2 import ASGITransport, AsyncClient

from .main import app

pytestmark = pytest.mark.asyncio(loop_scope="module")  # (1)!

loops: list[asyncio.AbstractEventLoop] = []  # (2)!


@pytest_asyncio.fixture(loop_scope="module", scope="module")  # (3)!
async def client() -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_app_runs_in_the_module_loop(client: AsyncClient) -> None:
    loops.append(asyncio.get_running_loop())
    response = await client.get("/loop")
    assert response.json() == {"loop": id(loops[0])}


async def test_another_test_shares_that_loop(client: AsyncClient) -> None:
    loops.append(asyncio.get_running_loop())
    response = await client.get("/loop")
    assert response.json() == {"loop": id(loops[0])}  # (4)!
