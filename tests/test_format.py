"""The repository's Python, docs_src above all, is ruff-formatted and ruff-clean.

Both checks run ruff with the settings in pyproject.toml and report each problem
as `path:line`, so that an unformatted example names the line to fix.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def first_changed_lines(diff: str) -> list[str]:
    """`path:line` of the first changed line of each hunk of a unified diff."""
    places: list[str] = []
    path, line, in_hunk = "", 0, False
    for text in diff.splitlines():
        if text.startswith("--- "):
            path, in_hunk = text[4:].strip(), False
        elif hunk := re.match(r"@@ -(\d+)", text):
            line, in_hunk = int(hunk[1]), True
        elif in_hunk and text.startswith(" "):
            line += 1
        elif in_hunk and text[:1] in "-+":
            places.append(f"{path}:{line}")
            in_hunk = False
    return places


def test_python_files_are_formatted() -> None:
    result = ruff("format", "--diff", ".")
    assert result.returncode == 0, (
        "not formatted (run `ruff format`):\n"
        + "\n".join(first_changed_lines(result.stdout))
        + "\n\n"
        + result.stdout
        + result.stderr
    )


def test_python_files_pass_ruff_check() -> None:
    result = ruff("check", "--output-format=concise", ".")
    assert result.returncode == 0, result.stdout + result.stderr
