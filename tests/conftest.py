"""Fixtures and hooks shared by the harness modules."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT = pytest.StashKey[dict[str, str]]()


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
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    log = result.stdout + result.stderr
    return Build(site_dir, result.returncode, log, time.perf_counter() - started)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The guide built once per session; test_site.py asserts that it succeeded."""
    return mkdocs_build(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture
def sealed(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> pytest.Pytester:
    """pytester whose runs load only the plugins they name, whatever is installed
    (pytest-randomly, -xdist, -cov...) or set in PYTEST_ADDOPTS / PYTEST_PLUGINS.

    `-p asyncio` also marks the standard library's asyncio, already imported, for
    assert rewriting, which pytest warns it cannot do; the loop scope keeps
    pytest-asyncio quiet where a run has no settings file.
    """
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    monkeypatch.setenv(
        "PYTEST_ADDOPTS",
        "-p anyio -p asyncio -p examples -W ignore::pytest.PytestAssertRewriteWarning"
        " -o asyncio_default_fixture_loop_scope=function",
    )
    monkeypatch.setenv("COLUMNS", "80")  # the width recorded outputs were made at
    return pytester


def report(config: pytest.Config, key: str, line: str) -> None:
    """A line for the "site report" after the results; a later `key` replaces it."""
    config.stash.setdefault(REPORT, {})[key] = line


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    if lines := config.stash.get(REPORT, {}):
        terminalreporter.section("site report")
        for line in lines.values():
            terminalreporter.write_line(line)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite docs_src/**/*.output.txt from a fresh run of their command",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an event loop running in
    the main thread from the first browser test to the end of the session, and a
    later test that starts one of its own (asyncio.run, anyio.run) would fail."""
    items.sort(key=lambda item: item.path.name == "test_browser.py")
