import shutil
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")


@pytest.fixture
def pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester that loads only the plugins a test names, whatever is installed."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv(
        "PYTEST_ADDOPTS", "-rA -W ignore::pytest.PytestAssertRewriteWarning"
    )
    monkeypatch.setenv("COLUMNS", "300")
    # A settings file of its own, so that no pyproject.toml above the temporary
    # folder (a project's, with --strict-config) is read by the inner runs.
    (pytester.path / "pytest.ini").write_text("[pytest]\n")
    shutil.copy(SCRIPTS / "test_unmarked.py", pytester.path)
    return pytester
