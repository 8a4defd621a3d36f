import os
from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import pytest
from asgi_lifespan import LifespanManager
from fakeredis import FakeAsyncRedis
from httpx2 import ASGITransport, AsyncClient
from redis.asyncio import Redis

from . import main


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


# --8<-- [start:server]
def redis_server() -> str:
    server = os.environ.get("REDIS_TEST_URL")  # (1)!
    if not server:
        pytest.skip(
            "set REDIS_TEST_URL to a Redis server whose databases the tests may "
            "empty, e.g. redis://127.0.0.1:6379/0"
        )
    url = urlsplit(server)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")  # (2)!
    number = int(url.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return url._replace(path=f"/{number}").geturl()


@pytest.fixture
def redis_server_url() -> str:
    return redis_server()


@pytest.fixture(params=["fakeredis", "redis"])
def redis_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "fakeredis":
        monkeypatch.setattr(main, "Redis", FakeAsyncRedis)  # (3)!
        return "redis://fakeredis/0"
    return request.getfixturevalue("redis_server_url")


# --8<-- [end:server]
# --8<-- [start:client]
@pytest.fixture
async def client(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    monkeypatch.setenv("REDIS_URL", redis_url)
    async with LifespanManager(main.app) as manager:
        await main.app.state.redis.flushdb()  # (1)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
def redis(client: AsyncClient) -> Redis:
    return main.app.state.redis  # (2)!


# --8<-- [end:client]
