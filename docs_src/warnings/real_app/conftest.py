import shutil
import sys
from pathlib import Path

# pytest caches the warning filters it has parsed, with their categories. Importing
# the categories' modules once here keeps them alive from one in-process run to
# the next, so that a cached filter still names the class the warning is raised with.
import fastapi.exceptions  # noqa: F401
import jwt.warnings  # noqa: F401
import pydantic.warnings  # noqa: F401
import pytest
import starlette.exceptions  # noqa: F401

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]
# `-p anyio` names a plugin imported long ago in this process; pytest warns that it
# cannot rewrite its asserts, and the project's "error" would make that fatal.
OPTIONS = "-p anyio -W ignore::pytest.PytestAssertRewriteWarning"


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project in scripts/, run by pytester with AnyIO's plugin only."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    # pytester runs in this process: hide another package named `app` that an
    # earlier test may have imported, so that the project's own is imported.
    stale = [m for m in sys.modules if m == "app" or m.startswith("app.")]
    for name in stale:
        monkeypatch.delitem(sys.modules, name)  # pragma: no cover (order-dependent)
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", OPTIONS)
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("SECRET_KEY", "")  # so that monkeypatch removes what
    monkeypatch.delenv("SECRET_KEY")  # the project's conftest.py sets
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(SCRIPTS, pytester.path, dirs_exist_ok=True, ignore=ignore)
    return pytester.path


def replace_filter(path: Path, old: str, new: str) -> None:
    """Swap one line of filterwarnings in the copy's pyproject.toml."""
    toml = path / "pyproject.toml"
    text = toml.read_text()
    assert old in text
    toml.write_text(text.replace(old, new))
