"""MkDocs hook: the index of error messages on troubleshooting/index.md.

Each topic page under docs/troubleshooting/ has a data file beside it,
`<topic>.yml`: one record per entry, with the message as printed and the
entry's anchor. This hook lists every answered message, linked to its entry,
grouped by topic in the order of the nav, between the START and END comments of
the index page. What lies between them is a note for builders that do not run
MkDocs hooks (Zensical). tests/test_troubleshooting.py checks the data files
against the pages and the tests.

Each row also carries the entry's anchor as an id, so that an old link to
`troubleshooting/#<anchor>`, from before the page was split, lands on the row
that links to the entry. The topic headings are left out of the site's search
(Material's `data-search-exclude`): a search for a message finds its entry,
not this list.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.hooks.troubleshooting")

INDEX = "troubleshooting/index.md"
START = "<!-- troubleshooting:start -->"
END = "<!-- troubleshooting:end -->"


def nav_pages(nav: object) -> list[str]:
    """The page of every nav entry in mkdocs.yml, in order."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [uri for item in nav for uri in nav_pages(item)]
    if isinstance(nav, dict):
        return [uri for value in nav.values() for uri in nav_pages(value)]
    return []


def inline_code(text: str) -> str:
    """`text` as inline code, also when it holds backticks or a table's `|`."""
    ticks = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if "`" in text else ""
    return f"{ticks}{pad}{text}{pad}{ticks}".replace("|", r"\|")


def index_table(docs: Path, nav: object) -> str:
    lines = []
    for uri in nav_pages(nav):
        if not uri.startswith("troubleshooting/") or uri == INDEX:
            continue
        page, name = docs / uri, Path(uri).name
        title = re.search(r"(?m)^# (.+)$", page.read_text(encoding="utf-8"))[1]
        data = page.with_suffix(".yml")
        text = data.read_text(encoding="utf-8") if data.is_file() else ""
        records = yaml.safe_load(text) or []
        answered = [r for r in records if r.get("status") == "answered"]
        lines += ["", f"## [{title}]({name}) {{ data-search-exclude }}", ""]
        if not answered:
            lines.append("No entry yet.")
            continue
        lines += ["| Message | Library |", "| --- | --- |"]
        for record in answered:
            anchor = record["anchor"]
            link = f"[{inline_code(record['message'])}]({name}#{anchor})"
            lines.append(f'| <span id="{anchor}"></span>{link} | {record["library"]} |')
    return "\n".join(lines).strip()


def on_page_markdown(markdown: str, page, config, **kwargs) -> str:
    if page.file.src_uri != INDEX:
        return markdown
    region = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    if not region.search(markdown):
        log.warning("%s has no %s ... %s region to fill in.", INDEX, START, END)
        return markdown
    table = index_table(Path(config["docs_dir"]), config["nav"])
    return region.sub(lambda _: table, markdown, count=1)
