"""MkDocs hook: fill in the speed page from benchmarks/results.json.

The rendering lives in benchmarks/render.py; this shim only finds the markers
`<!-- speed:GROUP -->` on the page and replaces each with its table and chart.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = "how-to/speed.md"
MARKER = re.compile(r"<!-- speed:(\w+) -->")


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    sys.path.insert(0, str(ROOT))
    from benchmarks.render import RESULTS, render

    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    return MARKER.sub(lambda match: render(results, match.group(1)), markdown)
