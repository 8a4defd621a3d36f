import pytest
from asgi_lifespan import LifespanManager
from fakeredis import FakeAsyncRedis
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from redis.asyncio import Redis

from . import lifespan_client, module_client
from .conftest import in_a_new_loop, redis_server


# --8<-- [start:one_test]
async def one_test(app: FastAPI) -> int:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            return (await client.post("/visits")).json()["visits"]


# --8<-- [end:one_test]
# --8<-- [start:error]
def test_module_level_client_fails_in_the_next_event_loop(
    module_level_client: Redis,
) -> None:
    in_a_new_loop(one_test, module_client.app)  # (1)!
    with pytest.raises(RuntimeError) as error:
        in_a_new_loop(one_test, module_client.app)  # (2)!
    assert error.exconly() == "RuntimeError: Event loop is closed"
    assert "attached to a different loop" in str(error.value.__context__)  # (3)!


# --8<-- [end:error]
# --8<-- [start:fakeredis]
def test_fakeredis_fails_too_with_another_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(module_client, "redis", FakeAsyncRedis())
    in_a_new_loop(one_test, module_client.app)
    with pytest.raises(
        RuntimeError,
        match=r"<Queue at 0x\w+ maxsize=0 tasks=\d+> "
        "is bound to a different event loop",
    ):
        in_a_new_loop(one_test, module_client.app)


# --8<-- [end:fakeredis]
# --8<-- [start:fixed]
def test_client_from_the_lifespan_works_in_every_event_loop(
    redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    first = in_a_new_loop(one_test, lifespan_client.app)
    second = in_a_new_loop(one_test, lifespan_client.app)  # (1)!
    assert second == first + 1


# --8<-- [end:fixed]


def test_redis_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REDIS_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set REDIS_TEST_URL"):
        redis_server()
