"""The versions page reports the version matrix truthfully.

- docs/reference/matrix.json, which the nox sessions write, lists every session
  of noxfile.py; a recorded "passed" has tests that passed and none that failed.
- The GitHub workflow runs the same sessions as a matrix.
- hooks/versions.py shows a session as passed only when its recorded result says
  so: a session without a result, or with any other, reads "not run".
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import yaml

from hooks.versions import MATRIX, matrix_table

ROOT = Path(__file__).resolve().parent.parent


def nox_sessions() -> list[str]:
    """The session names that noxfile.py assigns to SESSIONS, read without nox."""
    tree = ast.parse((ROOT / "noxfile.py").read_text())
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                constants[node.targets[0].id] = node.value
    pythons, sessions = constants["PYTHONS"], constants["SESSIONS"]
    # SESSIONS = [f"pins-{python}" for python in PYTHONS] + [...]
    return [f"pins-{python}" for python in pythons] + ast.literal_eval(sessions.right)


def test_results_list_every_session() -> None:
    recorded = json.loads(MATRIX.read_text())["sessions"]
    assert list(recorded) == nox_sessions()
    for name, entry in recorded.items():
        if entry["result"] == "passed":
            tests = entry["tests"]
            assert tests["passed"] > 0, f"{name}: passed without a test"
            assert tests["failed"] == tests["errors"] == 0, f"{name}: {tests}"


def result_row(sessions: dict[str, dict]) -> list[str]:
    """The Result column, read from the rows of the sessions table."""
    table = matrix_table(sessions).split("\n\n")[0].splitlines()
    return [line.split("|")[2].strip() for line in table[2:]]


def test_only_a_recorded_pass_reads_passed() -> None:
    sessions = {
        "ran": {"result": "passed", "tests": {"passed": 3, "failed": 0}},
        "broke": {"result": "failed", "tests": {"passed": 2, "failed": 1}},
        "never": {"result": "not run"},
        "empty": {},
        "odd": {"result": "skipped"},
    }
    assert result_row(sessions) == [
        "**passed**",
        "**failed**",
        "not run",
        "not run",
        "not run",
    ]


def test_workflow_runs_every_session() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/docs.yml").read_text())
    job = workflow["jobs"]["matrix"]
    assert job["strategy"]["matrix"]["session"] == nox_sessions()
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert "python -m nox -s ${{ matrix.session }}" in runs
