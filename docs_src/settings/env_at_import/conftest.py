import shutil
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"
collect_ignore = ["scripts"]
# `-p anyio` names a plugin imported long ago in this process; pytest warns that it
# cannot rewrite its asserts.
OPTIONS = "-p anyio -W ignore::pytest.PytestAssertRewriteWarning"


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project in scripts/, run by pytester with AnyIO's plugin only,
    from a shell that exports no SHOP_ variable."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    # pytester runs in this process: hide another package named `app` that an
    # earlier test may have imported, so that the project's own is imported.
    stale = [m for m in sys.modules if m == "app" or m.startswith("app.")]
    for name in stale:
        monkeypatch.delitem(sys.modules, name)  # pragma: no cover (order-dependent)
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", OPTIONS)
    monkeypatch.setenv("COLUMNS", "300")
    for name in ("SHOP_API_TOKEN", "SHOP_DATABASE_URL", "SHOP_SMTP_HOST"):
        monkeypatch.setenv(name, "")  # so that monkeypatch removes, after the
        monkeypatch.delenv(name)  # test, what the project's conftest.py sets
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(SCRIPTS, pytester.path, dirs_exist_ok=True, ignore=ignore)
    return pytester.path
