"""Every example folder runs on its own: tests/examples_alone.py, in a fresh process.

Not in this one: the suite's own event loops may still run here (AnyIO's runner,
held by a wider fixture; Playwright's), and a reader's copied folder has neither.
With pytest-xdist installed, the folders are shared out to two worker processes.
"""

import os
import subprocess
import sys
from importlib.util import find_spec

from .snippets import ROOT


def test_every_example_folder_runs_alone() -> None:
    hidden = {"PYTEST_ADDOPTS", "PYTEST_PLUGINS", "COV_CORE_SOURCE"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/examples_alone.py", *(["-n", "2"] if find_spec("xdist") else [])],
        cwd=ROOT, env={k: v for k, v in os.environ.items() if k not in hidden},
        capture_output=True, text=True, timeout=1200,
    )  # fmt: skip
    failures = [line for line in result.stdout.splitlines() if "copied alone" in line]
    assert result.returncode == 0, "\n".join(failures) or result.stdout[-3000:]
