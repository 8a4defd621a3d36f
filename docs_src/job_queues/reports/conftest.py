import os
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import pytest
from arq.connections import ArqRedis
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


def redis_server() -> str:
    server = os.environ.get("REDIS_TEST_URL")
    if not server:
        pytest.skip(
            "set REDIS_TEST_URL to a Redis server whose databases the tests may "
            "empty, e.g. redis://127.0.0.1:6379/0"
        )
    url = urlsplit(server)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    number = int(url.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return url._replace(path=f"/{number}").geturl()


@pytest.fixture
def redis_url(monkeypatch: pytest.MonkeyPatch) -> str:
    url = redis_server()
    monkeypatch.setenv("REDIS_URL", url)
    return url


# --8<-- [start:client]
@pytest.fixture
async def client(redis_url: str) -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:
        await app.state.arq.flushdb()  # (1)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
def arq(client: AsyncClient) -> ArqRedis:
    return app.state.arq  # (2)!


# --8<-- [end:client]
