"""The guide also builds with Zensical, from the same mkdocs.yml.

MkDocs stays the authoritative build (published, and tested in the browser).
`zensical build --strict` must succeed on a copy of the same sources, produce the
same set of pages, and show every example a page embeds with `--8<--`, as MkDocs
does. Zensical runs no MkDocs hooks: its versions page and troubleshooting index
keep the note instead of the table (mkdocs.yml notes, by each setting, what
Zensical ignores).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import time
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

import pytest

from .ci import under_ci
from .conftest import Build, report
from .snippets import DOCS, PAGES, ROOT, embedded, includes

# What a build reads; pyproject.toml because a page embeds its coverage settings.
SOURCES = ["mkdocs.yml", "pyproject.toml", "docs", "docs_src", "overrides", "hooks"]


@pytest.fixture(scope="module")
def sites(tmp_path_factory, request, built_site: Build) -> dict[str, Path]:
    """The session's MkDocs site, and a Zensical build of a copy of the sources
    (Zensical writes a cache and wants its site folder inside the project)."""
    if find_spec("zensical") is None:
        reason = "Zensical is not installed: pip install -r requirements/test.txt"
        pytest.fail(reason) if under_ci() else pytest.skip(reason)
    assert built_site.returncode == 0, built_site.log
    project = tmp_path_factory.mktemp("zensical")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(ROOT / name, project / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, project / name)
    started = time.perf_counter()
    # Any attempt to reach the network goes to a closed local port and fails.
    offline = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict"],
        cwd=project, env={**os.environ, "NO_COLOR": "1", **offline},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    report(
        request.config,
        "builds",
        f"build times: MkDocs {built_site.seconds:.2f} s, Zensical "
        f"{version('zensical')} {time.perf_counter() - started:.2f} s",
    )
    return {"mkdocs": built_site.site_dir, "zensical": project / "site"}


def page_text(site_dir: Path, page: Path) -> str:
    stem = page.relative_to(DOCS).as_posix().removesuffix(".md")
    markup = (site_dir / stem.removesuffix("index") / "index.html").read_text()
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_both_builds_produce_the_same_pages(sites: dict[str, Path]) -> None:
    built = {
        name: {
            path.relative_to(site).as_posix()
            for path in site.rglob("*.html")
            if path.relative_to(site).parts[0] != "assets"
        }
        for name, site in sites.items()
    }
    assert {"index.html", "404.html"} <= built["mkdocs"]
    assert built["zensical"] == built["mkdocs"]


@pytest.mark.parametrize("builder", ["mkdocs", "zensical"])
@pytest.mark.parametrize(
    "page",
    [page for page in PAGES if includes(page)],
    ids=lambda p: p.relative_to(DOCS).as_posix(),
)
def test_embedded_examples_appear_in_both_builds(
    page: Path, builder: str, sites: dict[str, Path]
) -> None:
    text = page_text(sites[builder], page)
    missing = [
        f"{page.relative_to(ROOT)}:{line}: {code.strip()!r}"
        for line, target in includes(page)
        for code in embedded(target)
        if code.strip() not in text
    ]
    assert not missing, "\n".join(missing)


def test_versions_table_is_generated_by_mkdocs_only(sites: dict[str, Path]) -> None:
    page = DOCS / "reference/versions.md"
    markup = (sites["mkdocs"] / "reference/versions/index.html").read_text()
    # The hook read the installed versions: the table shows what is installed now.
    for name in ("fastapi", "httpx", "anyio", "asgi-lifespan", "pytest"):
        row = f"<td>{name}</td>\n<td>{version(name)}</td>"
        assert row in markup, f"no row {name} {version(name)}"
    assert "No table in this build" not in page_text(sites["mkdocs"], page)
    assert "No table in this build" in page_text(sites["zensical"], page)


def test_troubleshooting_index_is_generated_by_mkdocs_only(
    sites: dict[str, Path],
) -> None:
    page = DOCS / "troubleshooting/index.md"
    markup = (sites["mkdocs"] / "troubleshooting/index.html").read_text()
    # The hook read the data files: each topic's entries are linked.
    assert 'href="event-loops/#event-loop-is-closed"' in markup
    assert "No table in this build" not in page_text(sites["mkdocs"], page)
    assert "No table in this build" in page_text(sites["zensical"], page)
