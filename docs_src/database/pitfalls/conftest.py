import os

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # pytest's own, off by default


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # asyncpg runs on asyncio only


@pytest.fixture(scope="session")
def postgresql_url() -> str:
    url = os.environ.get("POSTGRESQL_TEST_URL")
    if not url:  # pragma: no cover (the suite runs with a server)
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may connect to, "
            "e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
        )
    return url
