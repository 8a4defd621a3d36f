from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]  # run by the tests, through pytester


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # off by default


@pytest.fixture
def pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester whose runs load AnyIO's plugin and no other."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p anyio -rE")
    monkeypatch.setenv("COLUMNS", "300")  # summary lines in full, not cut at 80
    return pytester
