r"""Opt-in pytest plugin: how long chosen fixtures take to set up and tear down.

    pytest docs_src/database/items -p tests.fixture_timing \
        --time-fixtures connection,client

The terminal summary gives, per fixture and per parameter of the tests (such as
`sqlite` or `postgresql`), the median setup + teardown time. It times the real
fixtures as the examples use them, nothing re-implemented.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Generator

import pytest

TIMES: dict[tuple[str, str], list[float]] = defaultdict(list)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--time-fixtures", default="", help="comma-separated names")


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(
    fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest
) -> Generator[None, object, object]:
    names = request.config.getoption("time_fixtures").split(",")
    if fixturedef.argname not in names:
        return (yield)
    callspec = getattr(request.node, "callspec", None)
    key = (fixturedef.argname, callspec.id.split("-")[0] if callspec else "")
    spent = [0.0]
    # Finalizers run last-added first: this one runs after the fixture's teardown.
    fixturedef.addfinalizer(lambda: TIMES[key].append(time.perf_counter() - spent[0]))
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        setup = time.perf_counter() - started
        # ...and this one, added after the setup, runs before the teardown.
        fixturedef.addfinalizer(
            lambda: spent.__setitem__(0, time.perf_counter() - setup)
        )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for (name, param), times in sorted(TIMES.items()):
        terminalreporter.write_line(
            f"{name}[{param}]: median {statistics.median(times) * 1000:.2f} ms "
            f"setup + teardown over {len(times)} tests"
        )
