"""The repository's Python, docs_src above all, is ruff-formatted and ruff-clean.

Both checks run ruff with pyproject.toml's settings; each problem is reported as
`path:line:column`, so an unformatted example names the line to fix.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from .snippets import ROOT


@pytest.mark.parametrize(
    ("command", "advice"),
    [(["format", "--check"], "not formatted (run `ruff format`)"), (["check"], "")],
)
def test_ruff_passes(command: list[str], advice: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "--output-format=concise", "."],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, f"{advice}\n{result.stdout}{result.stderr}"
