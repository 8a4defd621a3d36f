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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite docs_src/**/*.output.txt from a fresh run of their command",
    )
