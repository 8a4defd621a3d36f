"""MkDocs hook: fill in the speed page from benchmarks/results.json.

The rendering lives in benchmarks/render.py; this shim only finds the markers
`<!-- speed:GROUP -->` on the page and replaces each with its table and chart.
Every ordering the page claims (render.ORDERINGS) is checked against the recorded
results first: one that they contradict is a warning, which fails
`mkdocs build --strict`.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = "how-to/speed.md"
MARKER = re.compile(r"<!-- speed:(\w+) -->")
log = logging.getLogger("mkdocs.hooks.speed")


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    sys.path.insert(0, str(ROOT))
    from benchmarks.render import RESULTS, contradicted, render

    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    for claim in contradicted(results):
        log.warning("%s claims what %s contradicts: %s", PAGE, RESULTS.name, claim)
    return MARKER.sub(lambda match: render(results, match.group(1)), markdown)
