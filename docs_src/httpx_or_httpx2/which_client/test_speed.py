import time
from types import ModuleType

import httpx
import httpx2
import pytest

from .main import app

REQUESTS = 200
ROUNDS = 7


async def seconds_per_request(library: ModuleType) -> float:
    transport = library.ASGITransport(app=app)
    async with library.AsyncClient(transport=transport, base_url="http://test") as c:
        await c.get("/ping")  # warm up
        started = time.process_time()  # (1)!
        for _ in range(REQUESTS):
            await c.get("/ping")
        return (time.process_time() - started) / REQUESTS


@pytest.mark.anyio
async def test_httpx2_is_not_slower_than_httpx() -> None:
    httpx_times, httpx2_times = [], []
    for _ in range(ROUNDS):  # (2)!
        httpx_times.append(await seconds_per_request(httpx))
        httpx2_times.append(await seconds_per_request(httpx2))
    ratio = min(httpx_times) / min(httpx2_times)  # (3)!
    print(f"httpx takes {ratio:.2f}x the time of httpx2 per request")
    assert ratio > 0.85  # (4)!
