import shutil
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]  # (1)!


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # (2)!


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester with pytest-asyncio and no other plugin, whatever is installed."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv(
        "PYTEST_ADDOPTS",
        "-p asyncio -rA -W ignore::pytest.PytestAssertRewriteWarning"
        " -o asyncio_default_fixture_loop_scope=function",
    )
    monkeypatch.setenv("COLUMNS", "300")
    shutil.copytree(SCRIPTS, pytester.path, dirs_exist_ok=True)
    return pytester
