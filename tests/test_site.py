"""The site builds with `mkdocs build --strict`, and what it renders still works.

- Strict mode turns every warning into a failure: a broken include (snippets'
  `check_paths`), and a broken link, anchor or absolute link (MkDocs'
  `validation`, set to `warn` in mkdocs.yml). MkDocs names the page but not the
  line, so each warning is reported again as `docs/<page>:<line>`.
- A reader who copies the first example's app and test from the rendered page,
  not from docs_src, into an empty package gets a passing test.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import Build

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

# MkDocs and pymdownx name the page in quotes and then quote what is wrong.
PAGE = re.compile(r"(?:Doc file|Error reading page) '(?P<page>[^']+\.md)'")
QUOTED = re.compile(r"'([^']+)'")


def locate(message: str, docs: Path = DOCS) -> str:
    """Prefix a build message with `docs/<page>:<line>` when it names a page."""
    page = PAGE.search(message)
    if not page:
        return message
    path = docs / page["page"]
    tokens = [
        token
        for token in QUOTED.findall(message[page.end() :])
        if token != page["page"]
    ]
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    for token in tokens:
        # A missing section is reported by name only: look for `path:name"`.
        needles = (f"({token})", f"({token} ", f'"{token}"', f':{token}"', token)
        for number, line in enumerate(lines, start=1):
            if any(needle in line for needle in needles):
                return f"docs/{page['page']}:{number}: {message}"
    return f"docs/{page['page']}: {message}"


def problems(log: str) -> list[str]:
    return [
        locate(line)
        for line in log.splitlines()
        if line.startswith(("WARNING", "ERROR")) or "Error:" in line
    ]


def test_strict_build_succeeds(built_site: Build) -> None:
    assert built_site.returncode == 0, "mkdocs build --strict failed:\n" + "\n".join(
        problems(built_site.log) or [built_site.log]
    )


class CodeBlock(HTMLParser):
    """The text of the `<code>` inside the element with a given id."""

    def __init__(self, block_id: str) -> None:
        super().__init__()
        self.block_id, self.depth, self.in_code, self.text = block_id, 0, False, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += tag not in {"br", "img", "input"}
            self.in_code = self.in_code or tag == "code"
        elif ("id", self.block_id) in attrs:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.in_code = self.in_code and tag != "code"

    def handle_data(self, data: str) -> None:
        if self.in_code:
            self.text.append(data)


def copied_code(html: str, block_id: str) -> str:
    """What the copy button gives: the code, without annotation markers."""
    parser = CodeBlock(block_id)
    parser.feed(html)
    code = "".join(parser.text)
    assert code, f"no code block with id {block_id!r} on the page"
    return re.sub(r"[ \t]*# \(\d+\)!", "", code)


def test_example_copied_from_the_page_passes(
    built_site: Build, sealed: pytest.Pytester
) -> None:
    if built_site.returncode:
        pytest.skip("the site did not build; test_strict_build_succeeds says why")
    html = (built_site.site_dir / "tutorial/async-tests/index.html").read_text()
    package = sealed.mkpydir("copied_example")
    (package / "main.py").write_text(copied_code(html, "example-main"))
    (package / "test_main.py").write_text(copied_code(html, "example-test"))
    # A separate process: Playwright's sync API, used by the browser tests, keeps
    # an event loop running in this one, where no asyncio test could start.
    result = sealed.runpytest_subprocess("-v", timeout=300)
    result.stdout.fnmatch_lines(
        [
            "copied_example/test_main.py::test_ping[[]asyncio[]] PASSED*",
            "copied_example/test_main.py::test_ping[[]trio[]] PASSED*",
        ]
    )
    result.assert_outcomes(passed=2)
