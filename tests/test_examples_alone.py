"""Every example folder runs on its own: tests/examples_alone.py, in a fresh process.

Not in this process: the suite's own event loops may still be running here (AnyIO's
runner, held open by a wider async fixture; Playwright's loop, from the first browser
test to the end of the session), and a reader's run of a copied folder has neither.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALONE = "tests/examples_alone.py"


def test_every_example_folder_runs_alone() -> None:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTEST_ADDOPTS", "PYTEST_PLUGINS", "COV_CORE_SOURCE"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", ALONE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    failures = [line for line in result.stdout.splitlines() if "copied alone" in line]
    assert result.returncode == 0, "\n".join(failures) or result.stdout[-3000:]
