"""The harness catches bad input, and says where it is.

Each case copies the project into pytester's folder, breaks one thing, runs the
harness module that guards against it in a fresh pytest process (sealed from
plugins and options of the environment), and asserts that the run fails with a
message naming the broken file and line.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = "docs/tutorial/async-tests.md"
APP = "docs_src/async_tests/first_test/main.py"
TEST = "docs_src/async_tests/first_test/test_main.py"
OUTPUT = "docs_src/async_tests/first_test/pytest.output.txt"
NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "site",
    "site-*",
    "screenshots",
    "__pycache__",
    ".*_cache",
    ".coverage*",
)


def append(path: Path, text: str) -> int:
    """Append lines to a file; return the number of the first appended line."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first line containing `old`; return that line's number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if old in line)
    lines[number] = lines[number].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


@dataclass(frozen=True)
class Defect:
    """Breaks the copy at `root`; returns the `path:line` the harness must name."""

    breaks: Callable[[Path], str]
    checked_by: tuple[str, ...]
    also_expected: str = ""


def appended(path: str, text: str, marked: str = "") -> Callable[[Path], str]:
    """A defect that appends `text` to `path`; `marked` is the line to be named."""

    def breaks(root: Path) -> str:
        first = append(root / path, text)
        lines = text.splitlines()
        offset = next(i for i, line in enumerate(lines) if line.startswith(marked))
        return f"{path}:{first + offset}"

    return breaks


def replaced(path: str, old: str, new: str) -> Callable[[Path], str]:
    """A defect that edits the first line of `path` that contains `old`."""
    return lambda root: f"{path}:{replace(root / path, old, new)}"


def example_no_page_embeds(root: Path) -> str:
    path = "docs_src/async_tests/first_test/test_unused.py"
    (root / path).write_text("def test_unused() -> None:\n    assert True\n")
    return f"{path}:1"


MISSING_FILE = '--8<-- "docs_src/missing.py"'
MISSING_SECTION = f'--8<-- "{APP}:no-such-section"'
SITE = "tests/test_site.py::test_strict_build_succeeds"
DEFECTS = {
    "broken include": Defect(
        appended(PAGE, f"\n```text\n{MISSING_FILE}\n```\n", MISSING_FILE),
        ("tests/test_includes.py", SITE),
        "Snippet at path 'docs_src/missing.py' could not be found",
    ),
    "missing section": Defect(
        appended(PAGE, f"\n```python\n{MISSING_SECTION}\n```\n", MISSING_SECTION),
        ("tests/test_includes.py", SITE),
        "Snippet section 'no-such-section' could not be located",
    ),
    "example no page embeds": Defect(
        example_no_page_embeds, ("tests/test_includes.py",), "no page embeds this file"
    ),
    "failing example": Defect(
        replaced(TEST, '{"status": "ok"}', '{"status": "broken"}'),
        ("docs_src/async_tests",),
    ),
    "unformatted example": Defect(
        appended(APP, "spare = [1,2]\n"), ("tests/test_format.py",)
    ),
    "broken link": Defect(
        appended(PAGE, "See [this](no-such-page.md).\n"), (SITE,), "no-such-page.md"
    ),
    "broken anchor": Defect(
        appended(PAGE, "See [this](#no-such-heading).\n"), (SITE,), "#no-such-heading"
    ),
    "failing code block": Defect(
        appended(PAGE, "\n```python\nassert 1 + 1 == 3\n```\n", "assert 1 + 1 == 3"),
        ("tests/test_code_blocks.py",),
        "AssertionError",
    ),
    "raising code block": Defect(
        appended(PAGE, '\n```python\nraise ValueError("boom")\n```\n', "raise"),
        ("tests/test_code_blocks.py",),
        "ValueError: boom",
    ),
    "highlight past the end": Defect(
        appended(PAGE, f'\n```python hl_lines="99"\n--8<-- "{APP}"\n```\n', "```"),
        ("tests/test_includes.py",),
        "hl_lines names line 99",
    ),
    "untested install command": Defect(
        appended(PAGE, "\n```console\n$ pip install left-pad\n```\n", "$ pip"),
        ("tests/test_other_blocks.py",),
        "not pinned in requirements/",
    ),
    "undeclared import": Defect(
        appended(APP, "import left_pad\n", "import"),
        ("tests/test_requirements.py",),
        "imports left_pad",
    ),
    "pin outside its range": Defect(
        replaced("requirements/test.txt", "fastapi==", "fastapi==0.1.0 #"),
        ("tests/test_requirements.py",),
        "fastapi==0.1.0 is outside",
    ),
    "unknown ini option": Defect(
        appended(PAGE, "\n```ini\n[pytest]\nno_such_option = 1\n```\n", "```ini"),
        ("tests/test_other_blocks.py",),
        "Unknown config option: no_such_option",
    ),
    "stale command output": Defect(
        replaced(OUTPUT, "[trio] PASSED", "[trio] FAILED"), ("tests/test_outputs.py",)
    ),
}


@pytest.mark.parametrize("defect", DEFECTS.values(), ids=DEFECTS.keys())
def test_harness_names_file_and_line(defect: Defect, sealed: pytest.Pytester) -> None:
    copy = sealed.path
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED, dirs_exist_ok=True)
    place = defect.breaks(copy)
    for check in defect.checked_by:
        # A separate process: the copy's modules have the names of this suite's.
        result = sealed.runpytest_subprocess("-q", check, timeout=300)
        output = result.stdout.str() + result.stderr.str()
        assert result.ret == 1, f"{check} did not fail:\n{output}"
        assert "INTERNALERROR" not in output, output
        assert place in output, f"{check} did not name {place}:\n{output}"
        assert defect.also_expected in output, output


# Examples that run pytest inside a test, and the once-per-session example whose
# app is shared across two modules: the parts that installed plugins could upset.
SAMPLE = [
    "docs_src/event_loops/pytest_output",
    "docs_src/troubleshooting/pytest_errors",
    "docs_src/lifespan",
    "docs_src/async_tests",
]


def test_sample_passes_with_a_readers_plugins(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    why = "needs {0} beside the suite, as a reader may have it: pip install {0}"
    pytest.importorskip("pytest_randomly", reason=why.format("pytest-randomly"))
    pytest.importorskip("xdist", reason=why.format("pytest-xdist"))
    # Shuffled, on two workers, with options from the environment, as in many CIs.
    monkeypatch.setenv("PYTEST_ADDOPTS", "-rA -p randomly")
    monkeypatch.chdir(ROOT)
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2"]
    result = pytester.run(*command, *SAMPLE, timeout=300)
    assert result.ret == 0, result.stdout.str()


def test_one_function_decides_ci() -> None:
    """tests/ci.py alone reads CI; everything else asks `under_ci()`."""
    reads_ci = re.compile(r"environ\W.*[\"']CI[\"']|getenv\([\"']CI[\"']")
    modules = [ROOT / "dev.py", *ROOT.glob("tests/*.py"), *ROOT.glob("hooks/*.py")]
    readers = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in modules
        if path.name != "ci.py"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if reads_ci.search(line)
    ]
    assert not readers, f"read CI through tests.ci.under_ci() instead: {readers}"
