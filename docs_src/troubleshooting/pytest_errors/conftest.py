import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

# The settings of this guide's own suite: pytest-asyncio in strict mode.
PYPROJECT = """
[tool.pytest.ini_options]
asyncio_mode = "strict"
asyncio_default_fixture_loop_scope = "function"
"""

RunPytest = Callable[[str], list[str]]


@pytest.fixture
def run_pytest(tmp_path: Path) -> RunPytest:
    """Run pytest in a child process on one test file; return its summary lines."""

    def run(source: str) -> list[str]:
        (tmp_path / "pyproject.toml").write_text(PYPROJECT)
        (tmp_path / "test_example.py").write_text(textwrap.dedent(source))
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA"],  # (1)!
            cwd=tmp_path,
            env={**os.environ, "COLUMNS": "300"},  # (2)!
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout.splitlines()

    return run
