import gc
import os
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar
from urllib.parse import urlsplit

import anyio
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from redis.asyncio import Redis

from . import module_client, ratelimit, singleton_app

T = TypeVar("T")


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


# --8<-- [start:new_loop]
def in_a_new_loop(test: Callable[..., Awaitable[T]], *args: object) -> T:
    with ThreadPoolExecutor(max_workers=1) as thread:  # (1)!
        return thread.submit(anyio.run, test, *args).result()


# --8<-- [end:new_loop]
# --8<-- [start:module_client]
def forget_connections(client: Redis) -> None:
    client.connection_pool.reset()  # (1)!
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # (2)!
        gc.collect()


@pytest.fixture
def module_level_client(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Redis]:
    client = Redis.from_url(redis_url)
    monkeypatch.setattr(module_client, "redis", client)  # (3)!
    yield client
    forget_connections(client)  # (4)!


# --8<-- [end:module_client]
# --8<-- [start:stranded_limiter]
@pytest.fixture
def stranded_limiter(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ratelimit, "_redis", None)
    yield
    forget_connections(ratelimit._redis)


# --8<-- [end:stranded_limiter]
# --8<-- [start:reset]
@pytest.fixture
async def fresh_limiter(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[None]:
    monkeypatch.setattr(ratelimit, "_redis", None)  # (1)!
    yield
    await ratelimit._redis.flushdb()  # (2)!
    await ratelimit._redis.aclose()  # (3)!


@pytest.fixture
async def client(redis_url: str, fresh_limiter: None) -> AsyncIterator[AsyncClient]:
    async with LifespanManager(singleton_app.app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [end:reset]
