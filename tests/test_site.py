"""The site builds with `mkdocs build --strict`, and what it renders still works.

Strict mode fails on every warning: a broken include (snippets' `check_paths`),
link or anchor (MkDocs' `validation`). MkDocs names the page but not the line,
so each warning is reported again as `docs/<page>:<line>`. And a reader who copies
the first example's app and test from the rendered page gets a passing test.
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from .conftest import Build
from .snippets import DOCS


def locate(message: str) -> str:
    """`docs/<page>:<line>: message`: the first line holding what it quotes."""
    page = re.search(r"(?:Doc file|Error reading page) '([^']+\.md)'", message)
    if not page or not (DOCS / page[1]).exists():
        return message
    lines = (DOCS / page[1]).read_text(encoding="utf-8").splitlines()
    for token in re.findall(r"'([^']+)'", message[page.end() :]):
        # A missing section is reported by name only: look for `path:name"`.
        needles = (f"({token})", f"({token} ", f'"{token}"', f':{token}"', token)
        for number, line in enumerate(lines, start=1):
            if token != page[1] and any(needle in line for needle in needles):
                return f"docs/{page[1]}:{number}: {message}"
    return f"docs/{page[1]}: {message}"


def test_strict_build_succeeds(built_site: Build) -> None:
    problems = [
        locate(line)
        for line in built_site.log.splitlines()
        if line.startswith(("WARNING", "ERROR")) or "Error:" in line
    ]
    assert built_site.returncode == 0, "mkdocs build --strict failed:\n" + "\n".join(
        problems or [built_site.log]
    )


def test_example_copied_from_the_page_passes(
    built_site: Build, sealed: pytest.Pytester
) -> None:
    if built_site.returncode:
        pytest.skip("the site did not build; test_strict_build_succeeds says why")
    page = (built_site.site_dir / "tutorial/async-tests/index.html").read_text()
    package = sealed.mkpydir("copied_example")
    for block_id, name in (
        ("example-main", "main.py"),
        ("example-conftest", "conftest.py"),
        ("example-test", "test_main.py"),
    ):
        code = re.search(rf'id="{block_id}".*?<code>(.*?)</code>', page, re.DOTALL)
        assert code, f"no code block with id {block_id!r} on the page"
        # What the copy button gives: the text, without annotation markers.
        text = html.unescape(re.sub(r"<[^>]+>", "", code[1]))
        (package / name).write_text(re.sub(r"[ \t]*# \(\d+\)!", "", text))
    # A separate process: Playwright's sync API, used by the browser tests, keeps
    # an event loop running in this one, where no asyncio test could start.
    result = sealed.runpytest_subprocess("-v", timeout=300)
    # The conftest.py pins asyncio: one run, whether trio is installed or not.
    result.stdout.fnmatch_lines(["copied_example/test_main.py::test_ping PASSED*"])
    result.assert_outcomes(passed=1)


def nav_entries(items: list) -> list[tuple[str, str]]:
    """(label, page) of every page in mkdocs.yml's nav, sections walked through."""
    found = []
    for item in items:
        label, value = next(iter(item.items()))
        found += nav_entries(value) if isinstance(value, list) else [(label, value)]
    return found


def test_navigation_labels_are_the_page_titles() -> None:
    config = yaml.load((DOCS.parent / "mkdocs.yml").read_text(), yaml.BaseLoader)
    wrong = []
    for label, source in nav_entries(config["nav"]):
        lines = (DOCS / source).read_text(encoding="utf-8").splitlines()
        # The title is the first heading after the front matter, if any.
        start = lines.index("---", 1) + 1 if lines[0] == "---" else 0
        number, title = next(
            (n, line[2:])
            for n, line in enumerate(lines[start:], start + 1)
            if line.startswith("# ")
        )
        title = re.sub(r"\s*\{[^}]*\}\s*$", "", title)
        if source != "index.md" and label != title:
            wrong.append(f"docs/{source}:{number}: title {title!r}, nav says {label!r}")
    assert not wrong, "\n".join(wrong)
