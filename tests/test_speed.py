"""The speed page cannot contradict its recorded results.

The page's claims that one case costs more than another (benchmarks/render.py
ORDERINGS) are checked against benchmarks/results.json when the site builds; here,
that the check catches a contradicting file, that every group and marker renders
with its clock, and that the benchmark still imports the examples it measures.
Nothing here times anything: a timing check fails on a busy machine, so
timing lives in the benchmark, which records the load it ran at.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import render

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "docs" / "how-to" / "speed.md"


@pytest.fixture
def results() -> dict:
    return json.loads(render.RESULTS.read_text(encoding="utf-8"))


def test_recorded_results_back_every_claim(results: dict) -> None:
    assert render.contradicted(results) == []


@pytest.mark.parametrize("ordering", render.ORDERINGS, ids=lambda o: o[4])
def test_a_flipped_ordering_is_caught(results: dict, ordering: tuple) -> None:
    group, cheaper, dearer, factor, claim = ordering
    flipped = copy.deepcopy(results)
    seconds = flipped["groups"][group]["seconds"]
    seconds[dearer] = seconds[cheaper] * (0.5 if factor else 2.0)
    assert [line.split(":")[0] for line in render.contradicted(flipped)] == [claim]


def test_page_renders_every_group_of_the_recorded_results(results: dict) -> None:
    for group in results["groups"]:
        text = render.render(results, group)
        assert text.count("<svg") == 1
        assert results["groups"][group]["floor"] in text
    assert results["command"] in render.render(results, "machine")
    markers = re.findall(r"<!-- speed:(\w+) -->", PAGE.read_text(encoding="utf-8"))
    assert set(results["groups"]) | {"machine", "orderings"} <= set(markers)
    for marker in markers:
        assert render.render(results, marker).strip(), marker


def test_a_busy_run_says_it_is_not_publishable(results: dict) -> None:
    busy = copy.deepcopy(results)
    busy["load"] = [busy["machine"]["cpus"] + 0.5, 0.1]
    assert "not publishable" in render.render(busy, "machine")
    idle = copy.deepcopy(results)
    idle["load"] = [0.2, 0.3]
    assert "not publishable" not in render.render(idle, "machine")


def test_every_table_says_its_clock_and_spread(results: dict) -> None:
    for name, group in results["groups"].items():
        assert group["clock"] in render.CLOCKS, name
        assert f"Clock: {render.CLOCKS[group['clock']]}." in render.render(
            results, name
        )
    measured = copy.deepcopy(results)
    group = measured["groups"]["requests"]
    group["spread"] = {
        case: {"mad": value / 10, "q1": value, "q3": value, "values": 15, "loops": 64}
        for case, value in group["seconds"].items()
    }
    text = render.render(measured, "requests")
    assert "| ± MAD |" in text
    assert "median of 15 values per case" in text
    assert render.duration(group["spread"]["raw ASGI call"]["mad"]) in text


def test_the_benchmark_still_finds_the_examples_it_runs() -> None:
    """The benchmarks import their apps and fixtures from docs_src; a renamed example
    fails here, not at the next recording. In a child process, so that the examples'
    conftests are not imported into this session as plain modules."""
    modules = "benchmarks.speed, benchmarks.import_globals, benchmarks.migrations"
    code = f"import {modules}; from benchmarks.speed import SUITE; print(SUITE)"
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    suite = Path(run.stdout.strip())
    assert {"main.py", "conftest.py", "test_notes.py"} <= {
        p.name for p in suite.iterdir()
    }
