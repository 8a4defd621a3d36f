"""The site publishes `/llms.txt` and `/llms-full.txt` (hooks/llmstxt.py).

- `llms.txt` links every page of the guide, as Markdown.
- `llms-full.txt` holds every page's Markdown: no `--8<--` directive is left, and
  every example a page embeds appears in it verbatim, exactly the lines that
  pymdownx.snippets put on the page, indented as the include line is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Build
from .snippets import embedded, include_targets

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


def published(built_site: Build, name: str) -> str:
    if built_site.returncode:
        pytest.skip("the site did not build; test_site.py says why")
    path = built_site.site_dir / name
    assert path.is_file(), f"the build wrote no {name}"
    return path.read_text(encoding="utf-8")


def markdown_url(source: str) -> str:
    """Where the hook puts a page's Markdown: `a/b.md` -> `a/b/index.md`."""
    stem = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/index.md" if stem else "index.md"


@pytest.mark.parametrize("source", SOURCES)
def test_llms_txt_links_every_page(source: str, built_site: Build) -> None:
    listing = published(built_site, "llms.txt")
    url = markdown_url(source)
    assert f"/{url})" in listing, (
        f"llms.txt does not link docs/{source}: add it to the nav in mkdocs.yml"
    )


@pytest.mark.parametrize("source", SOURCES)
def test_full_text_holds_every_embedded_example_verbatim(
    source: str, built_site: Build
) -> None:
    full = published(built_site, "llms-full.txt")
    assert "--8<--" not in full
    lines = (DOCS / source).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        for target in include_targets(line):
            indent = line[: len(line) - len(line.lstrip())]
            code = "\n".join(indent + each for each in embedded(target))
            assert code in full, (
                f"docs/{source}:{number}: {target} is not verbatim in llms-full.txt"
            )
