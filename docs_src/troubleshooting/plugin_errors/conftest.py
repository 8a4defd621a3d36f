import shutil
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]  # (1)!
# `-p asyncio` also marks the standard library's asyncio, imported long ago in
# this process, for assert rewriting; pytest warns that it cannot.
OPTIONS = "-p anyio -p asyncio -rA -W ignore::pytest.PytestAssertRewriteWarning"


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # (2)!


@pytest.fixture
def pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester with this guide's settings and plugins, and no others."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # (3)!
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", OPTIONS)  # (4)!
    monkeypatch.setenv("COLUMNS", "300")  # (5)!
    shutil.copy(SCRIPTS / "pyproject.toml", pytester.path)
    return pytester
