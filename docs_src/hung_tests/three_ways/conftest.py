from collections.abc import Callable
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"

Prepare = Callable[[str], None]


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # (1)!


@pytest.fixture
def prepare(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Prepare:
    """Write scripts/conftest.py and one script, as test_hung.py, for an inner run."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # (2)!
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)

    def write(script: str) -> None:
        pytester.makeconftest((SCRIPTS / "conftest.py").read_text())
        pytester.makepyfile(test_hung=(SCRIPTS / script).read_text())

    return write
