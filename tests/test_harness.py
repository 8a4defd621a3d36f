"""The harness catches bad input, and says where it is.

Each case copies the project into pytester's folder, breaks one thing (appends
text to a file, or replaces the first occurrence of a string), runs the checks
that guard against it in a fresh pytest process, sealed from the environment's
plugins and options, and asserts that each fails naming the file and line: the
first line of the broken file that holds `mark`.
"""

from __future__ import annotations

import re
import shutil
import sys

import pytest

from .snippets import ROOT

PAGE = "docs/tutorial/async-tests.md"
APP = "docs_src/async_tests/first_test/main.py"
TEST = "docs_src/async_tests/first_test/test_main.py"
OUTPUT = "docs_src/async_tests/first_test/pytest.output.txt"
UNUSED = "docs_src/async_tests/first_test/test_unused.py"
INCLUDES, SITE = (
    "tests/test_includes.py",
    "tests/test_site.py::test_strict_build_succeeds",
)
BLOCKS, OTHER = "tests/test_code_blocks.py", "tests/test_other_blocks.py"
REQUIREMENTS = "tests/test_requirements.py"
TROUBLE, ENTRIES, DATA = (
    "tests/test_troubleshooting.py",
    "docs/troubleshooting/databases.md",
    "docs/troubleshooting/databases.yml",
)
MISSING = '--8<-- "docs_src/missing.py"'
SECTION = f'--8<-- "{APP}:no-such-section"'
# id: (file, old text or "" to append, new text, mark, checks, expected message)
CASES = {
    "broken include": (PAGE, "", f"\n```text\n{MISSING}\n```\n", MISSING,
        (INCLUDES, SITE), "Snippet at path 'docs_src/missing.py' could not be found"),
    "missing section": (PAGE, "", f"\n```python\n{SECTION}\n```\n", SECTION,
        (INCLUDES, SITE), "Snippet section 'no-such-section' could not be located"),
    "example no page embeds": (UNUSED, "", "def test_unused() -> None:\n    pass\n",
        "def", (INCLUDES,), "no page embeds this file"),
    "failing example": (TEST, '{"status": "ok"}', '{"status": "broken"}', "broken",
        ("docs_src/async_tests",), "AssertionError"),
    "unformatted example": (APP, "", "spare = [1,2]\n", "spare",
        ("tests/test_format.py",), "not formatted"),
    "broken link": (PAGE, "", "See [this](no-such-page.md).\n", "no-such-page",
        (SITE,), "no-such-page.md"),
    "broken anchor": (PAGE, "", "See [this](#no-such-heading).\n", "#no-such",
        (SITE,), "#no-such-heading"),
    "failing code block": (PAGE, "", "\n```python\nassert 1 + 1 == 3\n```\n",
        "1 + 1 == 3", (BLOCKS,), "AssertionError"),
    "raising code block": (PAGE, "", '\n```python\nraise ValueError("boom")\n```\n',
        "boom", (BLOCKS,), "ValueError: boom"),
    "highlight past the end": (PAGE, "", f'\n```python hl_lines="99"\n--8<-- "{APP}"'
        "\n```\n", 'hl_lines="99"', (INCLUDES,), "hl_lines names line 99"),
    "untested install command": (PAGE, "", "```console\n$ pip install left-pad\n```\n",
        "left-pad", (OTHER,), "not pinned in requirements/"),
    "undeclared import": (APP, "", "import left_pad\n", "left_pad",
        (REQUIREMENTS,), "imports left_pad"),
    "pin outside its range": ("requirements/test.txt", "fastapi==", "fastapi==0.1.0 #",
        "fastapi==0.1.0", (REQUIREMENTS,), "fastapi==0.1.0 is outside"),
    "unknown ini option": (PAGE, "", "\n```ini\n[pytest]\nno_such_option = 1\n```\n",
        "```ini", (OTHER,), "Unknown config option: no_such_option"),
    "stale command output": (OUTPUT, "[trio] PASSED", "[trio] FAILED", "FAILED",
        ("tests/test_outputs.py",), "the page shows"),
    "entry without its message": (ENTRIES, 'relation "items" does not exist\n',
        'relation "items" is missing\n', "{ #relation-does-not-exist }",
        (TROUBLE,), "does not contain the message verbatim"),
    "message without entry": (DATA, "anchor: relation-does-not-exist",
        "anchor: relation-missing", "relation-missing", (TROUBLE,), "no entry for"),
    "heading without record": (ENTRIES, "", "\n## `Boom` { #boom }\n", "#boom",
        (TROUBLE,), "heading has no record"),
    "message no test asserts": (DATA, "postgresql/test_half_patched.py",
        "postgresql/test_main.py", "postgresql/test_main.py", (TROUBLE,),
        "does not contain the message"),
    "malformed record": (DATA, "status: answered", "status: fixed", "fixed",
        (TROUBLE,), "unknown status 'fixed'"),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_harness_names_file_and_line(case: tuple, sealed: pytest.Pytester) -> None:
    path, old, new, mark, checks, expected = case
    ignore = shutil.ignore_patterns(".git", ".venv", "site*", "__pycache__", ".*cache*")
    shutil.copytree(ROOT, sealed.path, ignore=ignore, dirs_exist_ok=True)
    broken = sealed.path / path
    text = broken.read_text() if broken.exists() else ""
    text = text.replace(old, new, 1) if old else text + new
    broken.write_text(text)
    line = next(n for n, got in enumerate(text.splitlines(), 1) if mark in got)
    for check in checks:
        # A separate process: the copy's modules have the names of this suite's.
        result = sealed.runpytest_subprocess("-q", check, timeout=300)
        output = result.stdout.str() + result.stderr.str()
        assert result.ret == 1, f"{check} did not fail:\n{output}"
        assert "INTERNALERROR" not in output, output
        assert f"{path}:{line}" in output, f"{check} did not name {path}:{line}"
        assert expected in output, output


def test_sample_passes_with_a_readers_plugins(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pytest-in-pytest examples and a session-wide app, shuffled by
    pytest-randomly on two pytest-xdist workers with PYTEST_ADDOPTS set."""
    why = "needs {0} beside the suite, as a reader may have it: pip install {0}"
    pytest.importorskip("pytest_randomly", reason=why.format("pytest-randomly"))
    pytest.importorskip("xdist", reason=why.format("pytest-xdist"))
    monkeypatch.setenv("PYTEST_ADDOPTS", "-rA -p randomly")
    monkeypatch.chdir(ROOT)
    sample = ["event_loops/pytest_output", "troubleshooting/pytest_errors",
              "lifespan", "async_tests"]  # fmt: skip
    result = pytester.run(
        sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2",
        *(f"docs_src/{folder}" for folder in sample), timeout=300,
    )  # fmt: skip
    assert result.ret == 0, result.stdout.str()


def test_one_function_decides_ci() -> None:
    """tests/ci.py alone reads CI; everything else asks `under_ci()`."""
    reads_ci = re.compile(r"environ\W.*[\"']CI[\"']|getenv\([\"']CI[\"']")
    readers = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [
            ROOT / "dev.py",
            *ROOT.glob("tests/*.py"),
            *ROOT.glob("hooks/*.py"),
        ]
        if path.name != "ci.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if reads_ci.search(line)
    ]
    assert not readers, f"read CI through tests.ci.under_ci() instead: {readers}"
