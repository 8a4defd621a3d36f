"""Measure what async tests for a FastAPI app cost, and render the results.

Run from the project root:

    python -m benchmarks.speed            # full run, writes benchmarks/results.json
    python -m benchmarks.speed --quick    # a short run, prints only

Every figure is a median over rounds, reported next to the floor of the same run
(a raw ASGI call for requests, a bare ASGITransport client for tests), so the
ratios compare like with like on whatever machine runs it.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import platform
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import httpx
import httpx2
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .render import COMMAND, RESULTS


def make_app(startup_cost: float = 0.0) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await anyio.sleep(startup_cost)
        yield

    app = FastAPI(lifespan=lifespan)

    @app.get("/")
    async def root() -> dict[str, str]:
        return {"hello": "world"}

    return app


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median_of(rounds: int, run_once: Callable[[], float]) -> float:
    return statistics.median(run_once() for _ in range(rounds))


# --- per request -------------------------------------------------------------


async def raw_asgi(app: FastAPI, n: int) -> float:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/",
        "raw_path": b"/",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"test")],
        "client": ("127.0.0.1", 1),
        "server": ("test", 80),
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    start = time.perf_counter()
    for _ in range(n):
        await app(scope, receive, send)
    elapsed = time.perf_counter() - start
    assert sent[-1]["body"] == b'{"hello":"world"}'
    return elapsed / n


async def async_client(module, app: FastAPI, n: int) -> float:
    transport = module.ASGITransport(app=app)
    async with module.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        start = time.perf_counter()
        for _ in range(n):
            response = await client.get("/")
        elapsed = time.perf_counter() - start
    assert response.json() == {"hello": "world"}
    return elapsed / n


def test_client(app: FastAPI, n: int, with_block: bool) -> float:
    client = TestClient(app)
    if with_block:
        with client:
            start = time.perf_counter()
            for _ in range(n):
                response = client.get("/")
            elapsed = time.perf_counter() - start
    else:
        start = time.perf_counter()
        for _ in range(n):
            response = client.get("/")
        elapsed = time.perf_counter() - start
    assert response.json() == {"hello": "world"}
    return elapsed / n


def live_server(app: FastAPI, n: int) -> float:
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.01)

        async def run() -> float:
            async with httpx2.AsyncClient(
                base_url=f"http://127.0.0.1:{port}"
            ) as client:
                start = time.perf_counter()
                for _ in range(n):
                    response = await client.get("/")
                elapsed = time.perf_counter() - start
            assert response.json() == {"hello": "world"}
            return elapsed / n

        return anyio.run(run)
    finally:
        server.should_exit = True
        thread.join(10)


def per_request(n: int, rounds: int) -> dict[str, float]:
    app = make_app()
    cases: dict[str, Callable[[], float]] = {
        "raw ASGI call": lambda: anyio.run(raw_asgi, app, n),
        "httpx2 ASGITransport, asyncio": lambda: anyio.run(
            async_client, httpx2, app, n
        ),
        "httpx2 ASGITransport, trio": lambda: anyio.run(
            async_client, httpx2, app, n, backend="trio"
        ),
        "httpx ASGITransport, asyncio": lambda: anyio.run(async_client, httpx, app, n),
        "httpx ASGITransport, trio": lambda: anyio.run(
            async_client, httpx, app, n, backend="trio"
        ),
        "TestClient without with": lambda: test_client(app, n, with_block=False),
        "TestClient inside with": lambda: test_client(app, n, with_block=True),
        "live uvicorn over loopback": lambda: live_server(app, n),
    }
    results = {}
    for name, case in cases.items():
        results[name] = median_of(rounds, case)
        progress(f"  per request: {name}: {results[name] * 1e6:.0f} µs")
    return results


# --- per test: fixture scopes ------------------------------------------------


async def tests_with_fresh_client(app: FastAPI, tests: int, lifespan: bool) -> float:
    """Each simulated test builds its own client (and lifespan), sends one request."""
    start = time.perf_counter()
    for _ in range(tests):
        if lifespan:
            async with LifespanManager(app) as manager:
                transport = httpx2.ASGITransport(app=manager.app)
                async with httpx2.AsyncClient(
                    transport=transport, base_url="http://test"
                ) as client:
                    await client.get("/")
        else:
            transport = httpx2.ASGITransport(app=app)
            async with httpx2.AsyncClient(
                transport=transport, base_url="http://test"
            ) as client:
                await client.get("/")
    return (time.perf_counter() - start) / tests


async def tests_with_shared_client(app: FastAPI, tests: int, lifespan: bool) -> float:
    """One client (and lifespan) for the session; each test sends one request."""
    start = time.perf_counter()
    if lifespan:
        async with LifespanManager(app) as manager:
            transport = httpx2.ASGITransport(app=manager.app)
            async with httpx2.AsyncClient(
                transport=transport, base_url="http://test"
            ) as client:
                for _ in range(tests):
                    await client.get("/")
    else:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(
            transport=transport, base_url="http://test"
        ) as client:
            for _ in range(tests):
                await client.get("/")
    return (time.perf_counter() - start) / tests


def per_test(tests: int, rounds: int, startup_cost: float) -> dict[str, float]:
    cheap = make_app()
    costly = make_app(startup_cost)
    cases: dict[str, Callable[[], float]] = {
        "bare ASGITransport client per test": lambda: anyio.run(
            tests_with_fresh_client, cheap, tests, False
        ),
        "recommended conftest (LifespanManager + client per test)": lambda: anyio.run(
            tests_with_fresh_client, cheap, tests, True
        ),
        "one client per session": lambda: anyio.run(
            tests_with_shared_client, cheap, tests, False
        ),
        f"LifespanManager per test, {startup_cost * 1000:.0f} ms startup": lambda: (
            anyio.run(tests_with_fresh_client, costly, tests, True)
        ),
        f"LifespanManager per session, {startup_cost * 1000:.0f} ms startup": lambda: (
            anyio.run(tests_with_shared_client, costly, tests, True)
        ),
    }
    results = {}
    for name, case in cases.items():
        results[name] = median_of(rounds, case)
        progress(f"  per test: {name}: {results[name] * 1e6:.0f} µs")
    return results


# --- per test: database isolation on SQLite ----------------------------------


async def sqlite_isolation(strategy: str, tests: int) -> float:
    from sqlalchemy import Column, Integer, MetaData, String, Table, delete, insert
    from sqlalchemy.ext.asyncio import create_async_engine

    metadata = MetaData()
    tables = [
        Table(
            f"t{i}",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("name", String),
        )
        for i in range(5)
    ]
    with tempfile.TemporaryDirectory() as folder:
        engine = create_async_engine(f"sqlite+aiosqlite:///{folder}/bench.db")
        try:
            async with engine.begin() as conn:
                await conn.run_sync(metadata.create_all)
            start = time.perf_counter()
            for _ in range(tests):
                if strategy == "savepoint rollback":
                    async with engine.connect() as conn:
                        outer = await conn.begin()
                        nested = await conn.begin_nested()
                        await conn.execute(insert(tables[0]).values(name="x"))
                        await nested.rollback()
                        await outer.rollback()
                elif strategy == "DELETE after each test":
                    async with engine.begin() as conn:
                        await conn.execute(insert(tables[0]).values(name="x"))
                    async with engine.begin() as conn:
                        for table in reversed(metadata.sorted_tables):
                            await conn.execute(delete(table))
                else:
                    async with engine.begin() as conn:
                        await conn.execute(insert(tables[0]).values(name="x"))
                    async with engine.begin() as conn:
                        await conn.run_sync(metadata.drop_all)
                        await conn.run_sync(metadata.create_all)
            elapsed = time.perf_counter() - start
            async with engine.connect() as conn:
                left = (await conn.execute(tables[0].select())).all()
            assert left == [], f"{strategy} left rows behind"
        finally:
            await engine.dispose()
    return elapsed / tests


SQLITE_STRATEGIES = [
    "savepoint rollback",
    "DELETE after each test",
    "drop and recreate schema",
]


def isolation(tests: int, rounds: int) -> dict[str, float]:
    results = {}
    for strategy in SQLITE_STRATEGIES:
        name = f"SQLite: {strategy}"
        results[name] = median_of(
            rounds, lambda s=strategy: asyncio.run(sqlite_isolation(s, tests))
        )
        progress(f"  isolation: {name}: {results[name] * 1e6:.0f} µs")
    return results


# --- a whole suite on one and on two pytest-xdist workers ---------------------

SUITE = Path(__file__).with_name("suite")


def run_suite(workers: int) -> float:
    """Wall time of benchmarks/suite/ on `workers` xdist workers (0: no xdist)."""
    import subprocess

    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [sys.executable, "-m", "pytest", "-c", str(SUITE / "pytest.ini")]
    command += [str(SUITE), "-p", "xdist", "-p", "anyio", "-n", str(workers), "-q"]
    command += ["-p", "no:cacheprovider"]
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - start


def whole_suite(rounds: int) -> dict[str, float]:
    results = {}
    for name, workers in [("one worker", 0), ("two xdist workers", 2)]:
        results[name] = median_of(rounds, lambda w=workers: run_suite(w))
        progress(f"  whole suite: {name}: {results[name]:.2f} s")
    return results


# --- running and recording ---------------------------------------------------


def machine() -> dict[str, str | int | None]:
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
    }


def run(quick: bool) -> dict:
    scale = 10 if quick else 1
    rounds = 3
    progress("Per request (one GET to a one-route app)...")
    requests = per_request(n=2000 // scale, rounds=rounds)
    progress("Per test: fixture scopes...")
    scopes = per_test(tests=300 // scale, rounds=rounds, startup_cost=0.005)
    progress("Per test: database isolation...")
    databases = isolation(tests=60 if not quick else 6, rounds=rounds)
    progress("A whole suite (40 tests, one SQLite file per worker)...")
    suite = whole_suite(rounds=1 if quick else 3)
    return {
        "measured": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "command": COMMAND,
        "groups": {
            "requests": {"floor": "raw ASGI call", "seconds": requests},
            "scopes": {
                "floor": "bare ASGITransport client per test",
                "seconds": scopes,
            },
            "isolation": {"floor": "SQLite: savepoint rollback", "seconds": databases},
            "suite": {"floor": "one worker", "seconds": suite},
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="short run; print, do not record"
    )
    args = parser.parse_args(argv)
    results = run(args.quick)
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    if args.quick:
        print(text)
    else:
        RESULTS.write_text(text, encoding="utf-8")
        progress(f"Wrote {RESULTS}")


if __name__ == "__main__":
    main()
