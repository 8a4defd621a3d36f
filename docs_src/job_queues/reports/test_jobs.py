from collections.abc import AsyncIterator

import pytest
from fakeredis import FakeAsyncRedis
from redis.asyncio import Redis

from .conftest import redis_server
from .jobs import build_report


# --8<-- [start:alone]
@pytest.fixture(params=["fakeredis", "redis"])
async def redis(request: pytest.FixtureRequest) -> AsyncIterator[Redis]:
    if request.param == "fakeredis":
        client = FakeAsyncRedis()  # (1)!
    else:
        client = Redis.from_url(redis_server())
        await client.flushdb()
    yield client
    await client.aclose()


@pytest.mark.anyio
async def test_build_report_stores_the_report(redis: Redis) -> None:
    assert await build_report({"redis": redis}, 7) == "report:7"  # (2)!
    assert await redis.get("report:7") == b"report for user 7"


# --8<-- [end:alone]
