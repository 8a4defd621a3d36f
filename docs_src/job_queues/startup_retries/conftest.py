import os
import socket

import pytest


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


# --8<-- [start:closed_port]
@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # (1)!


# --8<-- [end:closed_port]


def redis_server() -> str:
    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        pytest.skip(
            "set REDIS_TEST_URL to a Redis server whose databases the tests may "
            "empty, e.g. redis://127.0.0.1:6379/0"
        )
    return url
