"""Fixtures shared by the harness modules."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    """One `mkdocs build --strict` of the guide."""

    site_dir: Path
    returncode: int
    log: str
    seconds: float


def mkdocs_build(project: Path, site_dir: Path) -> Build:
    # No `-q`: quiet mode hides the warnings that --strict counts.
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site_dir],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = result.stdout + result.stderr
    return Build(site_dir, result.returncode, log, time.perf_counter() - started)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The guide built once per session; test_site.py asserts that it succeeded."""
    return mkdocs_build(ROOT, tmp_path_factory.mktemp("site"))


# The plugins this project's runs use, named: inner runs load these and no other.
# `-p asyncio` also marks the standard library's asyncio, which an in-process run
# has imported already, for assert rewriting; pytest warns that it cannot. The
# loop scope keeps pytest-asyncio from warning where a run has no settings file.
PLUGINS = " ".join(
    [
        "-p anyio -p asyncio -p examples",
        "-W ignore::pytest.PytestAssertRewriteWarning",
        "-o asyncio_default_fixture_loop_scope=function",
    ]
)


@pytest.fixture
def sealed(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester whose runs are unaffected by what else is installed or set.

    pytester already drops PYTEST_ADDOPTS; this also stops plugins loading by
    themselves (pytest-randomly, pytest-xdist, pytest-cov...) and PYTEST_PLUGINS,
    and names the plugins the runs need.
    """
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv("PYTEST_ADDOPTS", PLUGINS)
    monkeypatch.setenv("COLUMNS", "80")  # the width recorded outputs were made at
    return pytester


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite docs_src/**/*.output.txt from a fresh run of their command",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last, whatever order other plugins chose.

    Playwright's sync API keeps an event loop running in the main thread from the
    first browser test to the end of the session; a later test that starts an
    event loop of its own (asyncio.run, anyio.run) would fail beside it.
    """
    browser = [item for item in items if item.path.name == "test_browser.py"]
    items[:] = [item for item in items if item.path.name != "test_browser.py"]
    items.extend(browser)
