"""Pages embed docs_src through pymdownx.snippets, and the two stay in step.

- Every `--8<--` include in docs/ resolves, section and all. Each line is resolved
  by pymdownx.snippets itself, configured from mkdocs.yml, so this check and the
  site build cannot disagree; a failure names the page and line.
- Every file in docs_src is embedded by at least one page (empty `__init__.py`
  files excepted), so no example is tested that no reader ever sees.
- Every page that shows a section of an example file (`file.py:section`) also
  shows that whole file, for instance in a collapsed block, so a reader never has
  to go to the repository for an import.
- Every line that an included block highlights (`hl_lines`) exists and is not
  blank, counted as the reader sees it: after section markers are removed. An
  edit to an example that shifts its lines fails here instead of highlighting the
  wrong code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pymdownx.snippets import SnippetMissingError

from .snippets import INCLUDE, expand, fenced_blocks, snippets, snippets_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DOCS_SRC = ROOT / "docs_src"

HL_LINES = re.compile(r'hl_lines="(?P<numbers>[^"]*)"')


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def includes(page: Path) -> list[tuple[int, str]]:
    """(line number, target) for every include line in a page."""
    lines = page.read_text(encoding="utf-8").splitlines()
    return [
        (number, match["target"])
        for number, line in enumerate(lines, start=1)
        if (match := INCLUDE.match(line))
    ]


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def highlighted_includes(page: Path) -> list[tuple[int, list[int], list[str]]]:
    """(fence line, highlighted numbers, include lines) of each highlighted include."""
    found = []
    for block in fenced_blocks(page):
        wanted = HL_LINES.search(block.info)
        if wanted and block.is_include:
            highlighted = []
            for part in wanted["numbers"].split():
                first, _, last = part.partition("-")
                highlighted += range(int(first), int(last or first) + 1)
            found.append((block.line, highlighted, block.body))
    return found


@pytest.mark.parametrize("page", pages(), ids=relative)
def test_highlighted_lines_are_code(page: Path) -> None:
    problems = []
    for fence, highlighted, body in highlighted_includes(page):
        shown = expand(body)
        for number in highlighted:
            if number > len(shown) or not shown[number - 1].strip():
                problems.append(
                    f"{relative(page)}:{fence}: hl_lines names line {number}, "
                    f"which is {'past the end' if number > len(shown) else 'blank'}"
                    f" in the {len(shown)} lines shown"
                )
    assert not problems, "stale highlights:\n" + "\n".join(problems)


@pytest.mark.parametrize("page", pages(), ids=relative)
def test_every_include_resolves(page: Path) -> None:
    assert snippets_config().get("check_paths") is True, (
        "mkdocs.yml: set check_paths: true"
    )
    md = snippets()
    problems = []
    for number, target in includes(page):
        try:
            md.reset().convert(f'--8<-- "{target}"')
        except SnippetMissingError as error:
            problems.append(f"{relative(page)}:{number}: {error}")
    assert not problems, "broken includes:\n" + "\n".join(problems)


def test_every_example_file_is_embedded() -> None:
    embedded = {
        target.partition(":")[0] for page in pages() for _, target in includes(page)
    }
    orphans = [
        f"{relative(path)}:1: no page embeds this file"
        for path in sorted(DOCS_SRC.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and not (path.name == "__init__.py" and not path.read_text().strip())
        and relative(path) not in embedded
    ]
    assert not orphans, "examples no reader sees:\n" + "\n".join(orphans)


@pytest.mark.parametrize("page", pages(), ids=relative)
def test_every_section_has_its_whole_file_on_the_page(page: Path) -> None:
    found = includes(page)
    whole = {target for _, target in found if ":" not in target}
    problems = [
        f"{relative(page)}:{number}: shows a section of {target}, but the page "
        "never includes the whole file (add a collapsed 'Whole file' block)"
        for number, target in found
        if target.startswith("docs_src/")
        and ":" in target
        and target.partition(":")[0] not in whole
    ]
    assert not problems, "sections without their file:\n" + "\n".join(problems)
