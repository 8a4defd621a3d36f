"""Client fixtures the benchmark times inside real pytest runs, one variant a run.

Every variant is built from the Fixtures page's own conftest and app
(docs_src/fixtures/reusable_conftest), imported, not copied; BENCHMARK_FIXTURES
picks the variant. The CPU time of each test (setup, call, teardown and pytest's
own work around them) is written to BENCHMARK_OUTPUT.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from httpx2 import AsyncClient

from docs_src.fixtures.reusable_conftest import conftest as example

VARIANT = os.environ["BENCHMARK_FIXTURES"]
start_app = asynccontextmanager(example.started_app.__wrapped__)
client_on = asynccontextmanager(example.client.__wrapped__)


@pytest.fixture(scope="session", params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return request.param


async def lifespan_and_client() -> AsyncIterator[AsyncClient]:
    """The example's two fixtures as one."""
    async with start_app() as app, client_on(app) as client:
        yield client


if VARIANT == "recommended":  # the example's conftest as it stands
    from docs_src.fixtures.reusable_conftest.conftest import (
        client,
        started_app,
    )
elif VARIANT == "session lifespan":  # its lifespan once, a client per test
    started_app = pytest.fixture(scope="session", name="started_app")(
        example.started_app.__wrapped__
    )
    from docs_src.fixtures.reusable_conftest.conftest import client
elif VARIANT == "merged":
    client = pytest.fixture(name="client")(lifespan_and_client)
else:
    assert VARIANT == "session", VARIANT
    client = pytest.fixture(scope="session", name="client")(lifespan_and_client)


cpu: dict[str, float] = {}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    start = time.process_time()
    try:
        return (yield)
    finally:
        cpu[item.nodeid] = time.process_time() - start


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    assert report.passed, report.longreprtext


def pytest_sessionfinish(session: pytest.Session) -> None:
    with open(os.environ["BENCHMARK_OUTPUT"], "w", encoding="utf-8") as output:
        json.dump(cpu, output)
