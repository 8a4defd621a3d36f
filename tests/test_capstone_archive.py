"""The capstone project, as downloaded from the built site, passes on its own,
and the fixture graph on its page is the one pytest sets up."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import Build

ROOT = Path(__file__).resolve().parent.parent
GRAPH = ROOT / "docs_src" / "capstone" / "fixture-graph.txt"
# Fixtures the diagram leaves out: pytest's own, and the backend that every async
# fixture needs (the page says so).
NOT_DRAWN = {"anyio_backend", "monkeypatch", "request", "tmp_path", "tmp_path_factory"}
SETUP = re.compile(r"SETUP +([SMF]) (\w+)(?: \(fixtures used: ([\w, ]+)\))?")
SCOPES = {"S": "session", "M": "module", "F": "function"}


def run_pytest(
    project: Path, *args: str, autoload: bool = False
) -> subprocess.CompletedProcess[str]:
    # A separate process: the project's `conftest` and `tests` are also the
    # suite's module names. By default only AnyIO's plugin, as a reader who
    # installed the packages the page names would have; with `autoload`, every
    # plugin installed here, pytest-asyncio among them, as in a shared virtualenv.
    drop = {"PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD",
            "COV_CORE_SOURCE"}  # fmt: skip
    env = {name: value for name, value in os.environ.items() if name not in drop}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if not autoload:
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    command = [sys.executable, "-m", "pytest", "-p", "anyio", "-p", "no:cacheprovider"]
    return subprocess.run(
        [*command, *args], cwd=project, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def project(built_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert built_site.returncode == 0, built_site.log
    folder = tmp_path_factory.mktemp("download")
    with zipfile.ZipFile(built_site.site_dir / "downloads/capstone-project.zip") as zf:
        zf.extractall(folder)
    return folder / "capstone-project"


def test_downloaded_project_holds_no_page_markup(project: Path) -> None:
    files = [path for path in project.rglob("*") if path.is_file()]
    marked = [
        f"{path.relative_to(project)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "--8<--" in line or re.search(r"# \(\d+\)!", line)
    ]
    assert len(files) > 5
    assert not marked, "the zip keeps the pages' markup:\n" + "\n".join(marked)
    check = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
        cwd=project, capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr


def test_downloaded_project_passes(project: Path) -> None:
    result = run_pytest(project, "-v")
    assert result.returncode == 0, result.stdout[-3000:]
    passed = re.findall(r"\[(sqlite|postgresql)\] PASSED", result.stdout)
    assert passed.count("sqlite") >= 12, result.stdout[-3000:]
    if os.environ.get("POSTGRESQL_TEST_URL"):
        assert passed.count("postgresql") == passed.count("sqlite")


def test_installed_pytest_asyncio_cannot_reach_the_tests(
    project: Path, tmp_path: Path
) -> None:
    shipped = run_pytest(project, autoload=True)
    assert shipped.returncode == 0, shipped.stdout[-3000:]
    # The page's reason for `-p no:asyncio`: without it, pytest-asyncio's
    # loop-scope warning meets `filterwarnings = error` before any test runs.
    shutil.copytree(project, tmp_path / "project")
    settings = tmp_path / "project" / "pyproject.toml"
    text = settings.read_text(encoding="utf-8")
    assert ', "-p", "no:asyncio"' in text
    settings.write_text(text.replace(', "-p", "no:asyncio"', ""), encoding="utf-8")
    result = run_pytest(tmp_path / "project", autoload=True)
    assert result.returncode == pytest.ExitCode.INTERNAL_ERROR, result.stdout[-3000:]
    assert (
        "INTERNALERROR> pytest.PytestDeprecationWarning: The configuration option "
        '"asyncio_default_fixture_loop_scope" is unset.'
    ) in result.stdout + result.stderr


def draw(
    graph: dict[str, tuple[str, list[str]]], name: str, seen: set[str]
) -> list[str]:
    scope, needs = graph[name]
    if name in seen:
        return [f"{name} ({scope}, above)"]
    seen.add(name)
    lines = [f"{name} ({scope})"]
    for index, child in enumerate(needs):
        last = index == len(needs) - 1
        first, rest = ("└── ", "    ") if last else ("├── ", "│   ")
        below = draw(graph, child, seen)
        lines += [first + below[0], *(rest + line for line in below[1:])]
    return lines


def test_fixture_graph_is_what_pytest_sets_up(project: Path) -> None:
    test = "tests/test_items.py::test_create_writes_the_row[sqlite]"
    result = run_pytest(project, "--setup-plan", test)
    graph = {
        name: (
            SCOPES[scope],
            [n for n in (used or "").split(", ") if n and n not in NOT_DRAWN],
        )
        for scope, name, used in SETUP.findall(result.stdout)
    }
    drawn = "\n".join(draw(graph, "signed_in", set())) + "\n"
    assert GRAPH.read_text(encoding="utf-8") == drawn, f"expected:\n{drawn}"
