import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]  # run only inside the tests below

Prepare = Callable[[str], None]


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")


@pytest.fixture
def prepare(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Prepare:
    """Lay out the example suite as package `notes/`, with the given conftest."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # (1)!
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)

    def lay_out(conftest: str) -> None:
        package = pytester.mkpydir("notes")
        for name in ["main.py", "test_notes.py"]:
            shutil.copy(SCRIPTS / name, package / name)
        shutil.copy(SCRIPTS / conftest, package / "conftest.py")

    return lay_out
