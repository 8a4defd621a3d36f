"""The guide also builds with Zensical, from the same mkdocs.yml.

MkDocs stays the authoritative build (it is the one that is published and tested in
the browser). These tests guarantee that `zensical build --strict` succeeds on the
same sources, produces the same set of pages, and that every example embedded with
`--8<--` appears on its page in both builds. mkdocs.yml notes, next to each
setting, what Zensical ignores.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

import pytest

from .ci import under_ci
from .conftest import Build
from .site_report import report
from .snippets import embedded, include_targets

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: the config, the pages, the examples they embed, the theme
# overrides and the hook; tests/ because a page embeds the PostgreSQL plugin, and
# pyproject.toml because a page embeds its coverage settings.
SOURCES = [
    "mkdocs.yml",
    "pyproject.toml",
    "docs",
    "docs_src",
    "tests",
    "overrides",
    "hooks",
]


@dataclass(frozen=True)
class Site:
    site_dir: Path
    seconds: float


def copy_sources(destination: Path) -> Path:
    destination.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture(scope="module")
def builds(
    tmp_path_factory: pytest.TempPathFactory, request, built_site: Build
) -> dict[str, Site]:
    """The session's MkDocs build, and a Zensical build of a copy of the sources
    (Zensical writes a cache and wants its site folder inside the project)."""
    if find_spec("zensical") is None:
        reason = "Zensical is not installed: pip install -r requirements/test.txt"
        if under_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    assert built_site.returncode == 0, built_site.log
    project = copy_sources(tmp_path_factory.mktemp("builds") / "zensical")
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict"],
        cwd=project,
        # Any attempt to reach the network goes to a closed local port and fails.
        env={
            **os.environ,
            "NO_COLOR": "1",
            "HTTP_PROXY": "http://127.0.0.1:9",
            "HTTPS_PROXY": "http://127.0.0.1:9",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    zensical_seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr

    report(
        request.config,
        "builds",
        f"build times: MkDocs {built_site.seconds:.2f} s, "
        f"Zensical {version('zensical')} {zensical_seconds:.2f} s",
    )
    return {
        "mkdocs": Site(built_site.site_dir, built_site.seconds),
        "zensical": Site(project / "site", zensical_seconds),
    }


def pages(site_dir: Path) -> set[str]:
    return {
        p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if p.relative_to(site_dir).parts[0] != "assets"
    }


def page_text(site_dir: Path, source: str) -> str:
    stem = source.removesuffix(".md")
    path = "index.html" if stem == "index" else f"{stem}/index.html"
    markup = (site_dir / path).read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def table_rows(site_dir: Path, source: str) -> list[list[str]]:
    """The text of each table cell on a page, row by row."""
    stem = source.removesuffix(".md")
    markup = (site_dir / f"{stem}/index.html").read_text(encoding="utf-8")
    return [
        [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", markup, re.DOTALL)
        if (cells := re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL))
    ]


def embedded_lines(reference: str) -> list[str]:
    """The non-blank lines that `--8<-- "path[:section]"` puts on a page."""
    return [line.strip() for line in embedded(reference) if line.strip()]


def test_both_builds_produce_the_same_pages(builds: dict[str, Site]) -> None:
    mkdocs_pages = pages(builds["mkdocs"].site_dir)
    assert "index.html" in mkdocs_pages
    assert "404.html" in mkdocs_pages
    assert pages(builds["zensical"].site_dir) == mkdocs_pages


DOC_PAGES = sorted(
    p.relative_to(ROOT / "docs").as_posix()
    for p in (ROOT / "docs").rglob("*.md")
    if include_targets(p.read_text(encoding="utf-8"))
)


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
@pytest.mark.parametrize("source", DOC_PAGES)
def test_embedded_examples_appear_in_both_builds(
    source: str, builder: str, builds: dict[str, Site]
) -> None:
    text = page_text(builds[builder].site_dir, source)
    markdown = (ROOT / "docs" / source).read_text(encoding="utf-8")
    missing = [
        (reference, line)
        for reference in include_targets(markdown)
        for line in embedded_lines(reference)
        if line not in text
    ]
    assert missing == []


def test_versions_table_is_generated_by_mkdocs_only(builds: dict[str, Site]) -> None:
    source = "reference/versions.md"
    mkdocs_text = page_text(builds["mkdocs"].site_dir, source)
    rows = table_rows(builds["mkdocs"].site_dir, source)
    # The hook read the installed versions: the table shows what is installed now.
    for distribution in ("fastapi", "httpx", "anyio", "asgi-lifespan", "pytest"):
        assert [distribution, version(distribution)] in [row[:2] for row in rows]
    assert "No table in this build" not in mkdocs_text
    # Zensical runs no MkDocs hooks, so its copy keeps the note instead.
    zensical_text = page_text(builds["zensical"].site_dir, source)
    assert "No table in this build" in zensical_text
