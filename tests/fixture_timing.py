"""Opt-in pytest plugin: the median setup + teardown time of chosen fixtures.

    pytest docs_src/database/items -p tests.fixture_timing \
        --time-fixtures connection,client

One line per fixture and first test parameter (such as `sqlite`), timing the
real fixtures as the examples use them; the test in between is not counted.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict

import pytest

TIMES: dict[str, list[float]] = defaultdict(list)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--time-fixtures", default="", help="comma-separated names")


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest):
    names = request.config.getoption("time_fixtures").split(",")
    if fixturedef.argname not in names:
        return (yield)
    callspec = getattr(request.node, "callspec", None)
    key = f"{fixturedef.argname}[{callspec.id.split('-')[0] if callspec else ''}]"
    marks = [time.perf_counter()]  # setup starts, setup ends, teardown starts
    # Finalizers run last-added first: this one after the fixture's teardown...
    fixturedef.addfinalizer(
        lambda: TIMES[key].append(marks[1] - marks[0] + time.perf_counter() - marks[2])
    )
    try:
        return (yield)
    finally:
        marks.append(time.perf_counter())
        # ...and this one, added after the setup, before it.
        fixturedef.addfinalizer(lambda: marks.append(time.perf_counter()))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for key, times in sorted(TIMES.items()):
        terminalreporter.write_line(
            f"{key}: median {statistics.median(times) * 1000:.2f} ms "
            f"setup + teardown over {len(times)} tests"
        )
