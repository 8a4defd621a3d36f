import anyio
import pytest
from httpx2 import AsyncClient
from redis.asyncio import Redis

from . import main

pytestmark = pytest.mark.anyio


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    fetch_rate = main.fetch_rate

    async def counting(currency: str) -> str:
        asked.append(currency)
        return await fetch_rate(currency)

    monkeypatch.setattr(main, "fetch_rate", counting)  # (1)!
    return asked


# --8<-- [start:hit]
async def test_second_request_comes_from_the_cache(
    client: AsyncClient, lookups: list[str]
) -> None:
    first = await client.get("/rates/USD")
    second = await client.get("/rates/USD")
    assert first.json() == second.json() == {"currency": "USD", "rate": "1.08"}
    assert lookups == ["USD"]  # (1)!


async def test_cached_rate_has_an_expiry(client: AsyncClient, redis: Redis) -> None:
    await client.get("/rates/GBP")
    assert await redis.get("rate:GBP") == "0.86"  # (2)!
    assert 0 < await redis.ttl("rate:GBP") <= main.CACHE_SECONDS


# --8<-- [end:hit]
# --8<-- [start:expired]
async def test_expired_rate_is_fetched_again(
    client: AsyncClient, redis: Redis, lookups: list[str]
) -> None:
    await client.get("/rates/CHF")
    await redis.pexpire("rate:CHF", 1)  # (1)!
    await anyio.sleep(0.01)
    response = await client.get("/rates/CHF")
    assert response.json() == {"currency": "CHF", "rate": "1.00"}
    assert lookups == ["CHF", "CHF"]


# --8<-- [end:expired]
