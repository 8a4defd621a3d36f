import pytest

from .main import Connection


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"  # Connection is built on asyncio


@pytest.fixture(scope="module")  # (1)!
async def connection() -> Connection:
    return Connection()


@pytest.mark.anyio  # (2)!
async def test_fetch(connection: Connection) -> None:
    assert await connection.fetch() == "pong"
