import logging
import shutil
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]
OPTIONS = "-p anyio -W ignore::pytest.PytestAssertRewriteWarning"


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")


@pytest.fixture
def pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester with AnyIO's plugin only, on a copy of scripts/."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", OPTIONS)
    monkeypatch.setenv("COLUMNS", "300")
    # The `shop` logger outlives the inner run: give it back its handlers after.
    monkeypatch.setattr(logging.getLogger("shop"), "handlers", [])
    for path in SCRIPTS.glob("*.py"):
        shutil.copy(path, pytester.path)
    return pytester
