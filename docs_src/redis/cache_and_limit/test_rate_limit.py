import anyio
import pytest
from fakeredis import FakeAsyncRedis
from httpx2 import AsyncClient
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from .conftest import redis_server
from .main import COUNT_HITS, LIMIT


# --8<-- [start:real_only]
@pytest.fixture
def redis_url(redis_server_url: str) -> str:
    return redis_server_url  # (1)!


# --8<-- [end:real_only]
# --8<-- [start:limit]
@pytest.mark.anyio
async def test_fourth_order_in_a_minute_is_refused(client: AsyncClient) -> None:
    alice = {"X-API-Key": "alice"}
    for _ in range(LIMIT):
        assert (await client.post("/orders", headers=alice)).status_code == 201
    response = await client.post("/orders", headers=alice)
    assert response.status_code == 429
    bob = await client.post("/orders", headers={"X-API-Key": "bob"})
    assert bob.status_code == 201  # (1)!


@pytest.mark.anyio
async def test_limit_lifts_when_the_window_expires(
    client: AsyncClient, redis: Redis
) -> None:
    alice = {"X-API-Key": "alice"}
    for _ in range(LIMIT):
        await client.post("/orders", headers=alice)
    assert 0 < await redis.ttl("hits:alice") <= 60  # (2)!
    await redis.pexpire("hits:alice", 1)
    await anyio.sleep(0.01)
    assert (await client.post("/orders", headers=alice)).status_code == 201


# --8<-- [end:limit]
# --8<-- [start:no_lua]
@pytest.mark.anyio
async def test_fakeredis_without_lupa_runs_no_lua_script() -> None:
    fake = FakeAsyncRedis()
    with pytest.raises(
        ResponseError, match="unknown command 'eval', with args beginning with: "
    ):
        await fake.eval(COUNT_HITS, 1, "hits:alice", 60)  # (1)!
    await fake.aclose()


# --8<-- [end:no_lua]
# --8<-- [start:server]
def test_redis_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REDIS_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set REDIS_TEST_URL"):
        redis_server()


def test_each_xdist_worker_gets_its_own_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDIS_TEST_URL", "redis://127.0.0.1:6379/4")
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw2")
    assert redis_server() == "redis://127.0.0.1:6379/6"  # (1)!
    monkeypatch.delenv("PYTEST_XDIST_WORKER")
    assert redis_server() == "redis://127.0.0.1:6379/4"


# --8<-- [end:server]
