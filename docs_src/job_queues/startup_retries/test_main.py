import logging

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from redis.exceptions import ConnectionError

from .conftest import redis_server
from .main import app

pytestmark = pytest.mark.anyio


# --8<-- [start:timeout]
async def test_retries_outlast_the_startup_timeout(
    closed_port: int, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port}/0")
    with pytest.raises(TimeoutError) as error:
        async with LifespanManager(app, startup_timeout=0.5):  # (1)!
            ...  # never reached
    assert error.exconly() == "TimeoutError"  # (2)!

    warning = caplog.records[0]  # (3)!
    assert (warning.name, warning.levelno) == ("arq.connections", logging.WARNING)
    assert warning.getMessage().startswith(
        f"redis connection error 127.0.0.1:{closed_port} ConnectionError "
        f"Error 111 connecting to 127.0.0.1:{closed_port}."
    )
    assert warning.getMessage().endswith(", 5 retries remaining...")


# --8<-- [end:timeout]
# --8<-- [start:fix]
async def test_without_retries_the_real_error_shows(
    closed_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port}/0")
    monkeypatch.setenv("REDIS_CONN_RETRIES", "0")  # (1)!
    with pytest.raises(
        ConnectionError, match=f"Error 111 connecting to 127.0.0.1:{closed_port}."
    ):
        async with LifespanManager(app):
            ...  # never reached


async def test_without_retries_the_app_starts_on_a_real_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("REDIS_URL", redis_server())
    monkeypatch.setenv("REDIS_CONN_RETRIES", "0")
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            assert (await client.get("/health")).json() == {"redis": True}


# --8<-- [end:fix]
def test_redis_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("REDIS_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set REDIS_TEST_URL"):
        redis_server()
