"""Client fixtures the benchmark times inside real pytest runs, one variant a run.

BENCHMARK_FIXTURES picks the variant; every variant serves the same app to the same
tests. The total time of each test (setup, call and teardown, as pytest reports
them) is written to BENCHMARK_OUTPUT.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

VARIANT = os.environ["BENCHMARK_FIXTURES"]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/")
async def root() -> dict[str, str]:
    return {"hello": "world"}


@pytest.fixture(scope="session", params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return request.param


if VARIANT == "bare":  # a bare ASGITransport client per test; no lifespan

    @pytest.fixture
    async def client() -> AsyncIterator[AsyncClient]:
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client

elif VARIANT == "recommended":  # the Fixtures page's conftest

    @pytest.fixture
    async def started_app() -> AsyncIterator[FastAPI]:
        async with LifespanManager(app) as manager:
            yield manager.app

    @pytest.fixture
    async def client(started_app: FastAPI) -> AsyncIterator[AsyncClient]:
        transport = ASGITransport(app=started_app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client

elif VARIANT == "merged":  # the same, in one fixture instead of two

    @pytest.fixture
    async def client() -> AsyncIterator[AsyncClient]:
        async with LifespanManager(app) as manager:
            transport = ASGITransport(app=manager.app)
            async with AsyncClient(
                transport=transport, base_url="http://test"
            ) as client:
                yield client

else:  # the lifespan and one client for the whole session
    assert VARIANT == "session", VARIANT

    @pytest.fixture(scope="session")
    async def client() -> AsyncIterator[AsyncClient]:
        async with LifespanManager(app) as manager:
            transport = ASGITransport(app=manager.app)
            async with AsyncClient(
                transport=transport, base_url="http://test"
            ) as client:
                yield client


durations: dict[str, float] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    assert report.passed, report.longreprtext
    durations[report.nodeid] = durations.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    with open(os.environ["BENCHMARK_OUTPUT"], "w", encoding="utf-8") as output:
        json.dump(durations, output)
