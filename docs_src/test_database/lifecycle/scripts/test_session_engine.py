from collections.abc import AsyncIterator, Iterator

import anyio
import pytest


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
async def engine() -> AsyncIterator[str]:  # (1)!
    yield "an engine for the whole session"


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    anyio.run(anyio.sleep, 0)  # (2)!
    yield "a database created with anyio.run()"


@pytest.mark.anyio
async def test_uses_the_engine(engine: str) -> None:
    assert engine


def test_uses_the_database(database_url: str) -> None:
    assert database_url
