import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

RunPytest = Callable[[dict[str, str]], str]


@pytest.fixture
def run_pytest(tmp_path: Path) -> RunPytest:
    """Run pytest in a fresh process on a throwaway project; return its output."""

    def run(files: dict[str, str]) -> str:
        (tmp_path / "pytest.ini").write_text(
            "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
        )
        for name, text in files.items():
            (tmp_path / name).write_text(text)
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-v"],
            cwd=tmp_path,
            env={**os.environ, "COLUMNS": "300"},  # wide: no shortened summary lines
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout + result.stderr

    return run


def outcome(output: str) -> str:
    """pytest's closing line without `=` and time: "4 passed", "1 failed, 1 passed"."""
    return re.findall(r"^=+ (.+) in [\d.]+s(?: \(.+\))? =+$", output, re.MULTILINE)[-1]
