from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]  # (1)!
# `-p asyncio` also asks pytest to rewrite the asserts of the standard library's
# asyncio, which this process has already imported; pytest warns that it cannot.
NOT_REWRITTEN = "ignore::pytest.PytestAssertRewriteWarning"


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # (2)!


@pytest.fixture
def pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester whose runs load AnyIO's and pytest-asyncio's plugins, no others."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # (3)!
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", f"-p anyio -p asyncio -W {NOT_REWRITTEN}")
    monkeypatch.setenv("COLUMNS", "300")  # summary lines in full, not cut at 80
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    return pytester
