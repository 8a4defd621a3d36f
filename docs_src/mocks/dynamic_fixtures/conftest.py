import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]  # (3)!
# `-p asyncio` also marks the standard library's asyncio, imported long ago in
# this process, for assert rewriting; pytest warns that it cannot.
OPTIONS = "-p anyio -p asyncio -rA -W ignore::pytest.PytestAssertRewriteWarning"


# --8<-- [start:fixtures]
@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client() -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
async def admin_client() -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(
            transport=transport, base_url="http://test", headers={"X-User": "admin"}
        ) as client:
            yield client


@pytest.fixture
def any_client(request: pytest.FixtureRequest) -> AsyncClient:  # (1)!
    return request.getfixturevalue(request.param)  # (2)!


# --8<-- [end:fixtures]
def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # (4)!


@pytest.fixture
def pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester with this guide's settings and plugins, and no others."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", OPTIONS)
    monkeypatch.setenv("COLUMNS", "300")
    shutil.copy(SCRIPTS / "pyproject.toml", pytester.path)
    return pytester
