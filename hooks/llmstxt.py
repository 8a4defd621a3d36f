"""MkDocs hook: publish /llms.txt and /llms-full.txt, and each page as Markdown.

- `llms.txt`: the site's title and description, then one link per page, grouped
  by the sections of the nav in mkdocs.yml.
- `<page>/index.md` beside each page's index.html: the page's Markdown with every
  `--8<--` include expanded.
- `llms-full.txt`: all of those pages, in nav order.

The includes are expanded by pymdownx.snippets itself, with the options that
mkdocs.yml gives it, so the code here is exactly the code on the pages. The
Markdown is what the other hooks leave (the versions and speed tables filled in):
this hook is listed last in mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

import markdown
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

DESCRIPTION = (
    "Each page below shows tested code: every example is a file that the guide's "
    "test suite runs with pytest, on asyncio and trio where the libraries allow."
)

_expanded: dict[str, str] = {}  # page src_uri -> Markdown with includes expanded
_snippets: markdown.Markdown | None = None
_nav = None


def on_config(config, **kwargs):
    global _snippets
    _expanded.clear()
    _snippets = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={
            "pymdownx.snippets": config["mdx_configs"].get("pymdownx.snippets", {})
        },
    )
    return config


def on_page_markdown(text: str, page: Page, **kwargs) -> str:
    lines = _snippets.preprocessors["snippet"].run(text.splitlines())
    _expanded[page.file.src_uri] = "\n".join(lines).strip() + "\n"
    return text


def markdown_uri(page: Page) -> str:
    """`a/b.md` -> `a/b/index.md`: the Markdown beside the page's index.html."""
    return page.url + "index.md"


def on_nav(nav, **kwargs):
    global _nav
    _nav = nav
    return nav


def sections(nav) -> list[tuple[str, list[Page]]]:
    """(heading, pages) per section of the nav, nested sections as "A / B"; a lone
    top-level page is its own heading."""
    result = []

    def walk(section: Section, heading: str) -> None:
        pages = [child for child in section.children if isinstance(child, Page)]
        if pages:
            result.append((heading, pages))
        for child in section.children:
            if isinstance(child, Section):
                walk(child, f"{heading} / {child.title}")

    for item in nav.items:
        if isinstance(item, Section):
            walk(item, item.title)
        elif isinstance(item, Page):
            result.append((item.title, [item]))
    return result


def on_post_build(config, **kwargs) -> None:
    site = Path(config["site_dir"])
    base = config["site_url"] or "/"
    listing = [f"# {config['site_name']}", ""]
    if config["site_description"]:
        listing += [f"> {config['site_description'].strip()}", ""]
    listing += [DESCRIPTION, ""]
    full = []
    for heading, pages in sections(_nav):
        listing += [f"## {heading}", ""]
        for page in pages:
            text = _expanded[page.file.src_uri]
            uri = markdown_uri(page)
            (site / uri).parent.mkdir(parents=True, exist_ok=True)
            (site / uri).write_text(text, encoding="utf-8")
            listing.append(f"- [{page.title}]({base}{uri})")
            full.append(text)
        listing.append("")
    (site / "llms.txt").write_text("\n".join(listing), encoding="utf-8")
    (site / "llms-full.txt").write_text("\n".join(full), encoding="utf-8")
