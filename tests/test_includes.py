"""Pages embed docs_src through pymdownx.snippets, and the two stay in step.

- Every include resolves, file and section (mkdocs.yml sets `check_paths`).
- Every file in docs_src is embedded by a page (empty `__init__.py` aside).
- A page that shows a section of a file also shows the whole file.
- Every highlighted line (`hl_lines`) of an included block exists and holds code,
  counted as the reader sees it: after section markers are removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pymdownx.snippets import SnippetMissingError

from .snippets import PAGES, ROOT, blocks, expand, includes, relative, snippets_config


@pytest.mark.parametrize("page", PAGES, ids=relative)
def test_includes_resolve_and_highlights_hold_code(page: Path) -> None:
    assert snippets_config().get("check_paths") is True, "mkdocs.yml: check_paths"
    problems = []
    for line, target in includes(page):
        try:
            expand([f'--8<-- "{target}"'])
        except SnippetMissingError as error:
            problems.append(f"{relative(page)}:{line}: {error}")
    whole = {target for _, target in includes(page) if ":" not in target}
    problems += [
        f"{relative(page)}:{line}: shows a section of {target}, but the page never "
        "includes the whole file (add a collapsed 'Whole file' block)"
        for line, target in includes(page)
        if target.startswith("docs_src/") and target.partition(":")[0] not in whole
    ]
    for block in blocks(page):
        if "hl_lines" not in block.settings or not block.is_include or problems:
            continue
        shown = block.shown()
        for part in block.settings["hl_lines"].split():
            first, _, last = part.partition("-")
            for number in range(int(first), int(last or first) + 1):
                if number > len(shown) or not shown[number - 1].strip():
                    state = "past the end" if number > len(shown) else "blank"
                    problems.append(
                        f"{block.where()}: hl_lines names line {number}, which is "
                        f"{state} in the {len(shown)} lines shown"
                    )
    assert not problems, "\n".join(problems)


def test_every_example_file_is_embedded() -> None:
    embedded = {
        target.partition(":")[0] for page in PAGES for _, target in includes(page)
    }
    orphans = [
        f"{relative(path)}:1: no page embeds this file"
        for path in sorted((ROOT / "docs_src").rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and (path.name != "__init__.py" or path.read_text().strip())
        and relative(path) not in embedded
    ]
    assert not orphans, "\n".join(orphans)
