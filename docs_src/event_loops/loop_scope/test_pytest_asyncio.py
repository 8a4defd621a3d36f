import re

import pytest
import pytest_asyncio

from .main import Connection


@pytest_asyncio.fixture(scope="module", loop_scope="module")  # (1)!
async def connection() -> Connection:
    return Connection()


@pytest.mark.asyncio  # (2)!
async def test_fetch_from_another_loop_fails(connection: Connection) -> None:
    with pytest.raises(RuntimeError) as error:
        await connection.fetch()
    assert re.fullmatch(
        r"Task <Task .*> got Future <Future pending.*> attached to a different loop",
        str(error.value),
    )


@pytest.mark.asyncio(loop_scope="module")  # (3)!
async def test_fetch(connection: Connection) -> None:
    assert await connection.fetch() == "pong"
