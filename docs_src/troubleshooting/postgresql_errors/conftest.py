import os
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # asyncpg runs on asyncio only


@pytest.fixture
async def engine() -> AsyncIterator[AsyncEngine]:
    url = os.environ.get("POSTGRESQL_TEST_URL")
    if not url:  # pragma: no cover (the suite runs with a server)
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may connect to, "
            "e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    engine = create_async_engine(make_url(url).set(drivername="postgresql+asyncpg"))
    yield engine
    await engine.dispose()
