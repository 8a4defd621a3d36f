"""Measure what async tests for a FastAPI app cost, and render the results.

Run from the project root:

    python -m benchmarks.speed            # full run, writes benchmarks/results.json
    python -m benchmarks.speed --quick    # a short run, prints only

What runs is the guide's own examples, imported from docs_src: their apps, and their
fixtures driven as async context managers (a fixture's `__wrapped__` is the plain
generator function under pytest's decorator). pyperf does the statistics and follows
its conventions: each case's loops are calibrated until one value takes pyperf's
default minimum time, each round starts with a warm-up value, and every round of a
case becomes a pyperf.Run of one pyperf.Benchmark, whose median, median absolute
deviation and quartiles are recorded. Only the interleaving is done here: the cases
of a table take turns round by round, so a burst of load elsewhere slows them alike.

Each table uses one clock, recorded with it: the CPU time of this process where the
cost is work done here, the wall time where the cost is waiting (for a disk, a
database server, or child processes).

The database figures need PostgreSQL: the server at POSTGRESQL_TEST_URL, else a
throwaway one started the way the test suite starts it (tests/postgresql.py).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import (
    AsyncExitStack,
    asynccontextmanager,
    contextmanager,
    nullcontext,
)
from pathlib import Path
from types import ModuleType

import anyio
import httpx
import httpx2
import pyperf
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import delete, make_url, text

from docs_src.database.items import conftest as items
from docs_src.database.items.main import Base
from docs_src.fixtures.reusable_conftest import conftest as fixtures
from docs_src.fixtures.reusable_conftest.main import app as prices_app
from docs_src.fixtures.reusable_conftest.main import lifespan as prices_lifespan
from docs_src.httpx_or_httpx2.which_client.main import app as ping_app
from docs_src.live_server.uvicorn_server import test_in_thread as live

from .render import BARE as FLOOR
from .render import COMMAND, RECOMMENDED, RESULTS, duration

Clock = Callable[[], float]
# A case runs its work `loops` times and returns what that took on the clock given,
# as the time functions pyperf's Runner.bench_time_func takes do.
Case = Callable[[int, Clock], float]
CLOCKS: dict[str, Clock] = {"cpu": time.process_time, "wall": time.perf_counter}
# pyperf's defaults: --min-time 100 ms, one warm-up value, three values per run.
SETTINGS = {"min_time": 0.1, "warmups": 1, "values": 3}


def quick() -> None:
    """A short run: values of 10 ms, one per round."""
    SETTINGS.update(min_time=0.01, values=1)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def calibrate(case: Case, clock: Clock) -> int:
    """pyperf's loop calibration: double the loops until a value takes min_time."""
    loops = 1
    while case(loops, clock) < SETTINGS["min_time"] and loops < 2**32:
        loops *= 2
    return loops


def interleaved(
    cases: dict[str, Case], clock: str, rounds: int, warmups: int | None = None
) -> dict[str, pyperf.Benchmark]:
    """One pyperf.Benchmark per case, from rounds in which the cases take turns.

    Calibration also warms each case up; a round's own warm-ups are recorded as
    such in its pyperf.Run. Cases that start a process per value pass warmups=0
    (and one loop): a fresh process has nothing to warm up.
    """
    timer = CLOCKS[clock]
    if warmups is None:
        loops = {name: calibrate(case, timer) for name, case in cases.items()}
        warmups = SETTINGS["warmups"]
    else:
        loops = {name: 1 for name in cases}
        for case in cases.values():
            case(1, timer)  # a first run, for the disk's caches
    runs: dict[str, list[pyperf.Run]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, case in cases.items():
            n = loops[name]
            warm = [(n, case(n, timer) / n) for _ in range(warmups)]
            values = [case(n, timer) / n for _ in range(SETTINGS["values"])]
            metadata = {"name": name, "loops": n, "unit": "second"}
            runs[name].append(
                pyperf.Run(values, warm, metadata=metadata, collect_metadata=False)
            )
    return {name: pyperf.Benchmark(named) for name, named in runs.items()}


def group(label: str, floor: str, clock: str, results: dict) -> dict:
    """A group of results.json: medians, their spread, the floor and the clock."""
    spread = {}
    for name, bench in results.items():
        spread[name] = {
            "mad": bench.median_abs_dev(),
            "q1": bench.percentile(25),
            "q3": bench.percentile(75),
            "values": bench.get_nvalue(),
            "loops": bench.get_loops(),
        }
        median, mad = duration(bench.median()), duration(spread[name]["mad"])
        progress(f"  {label}: {name}: {median} ± {mad}")
    seconds = {name: bench.median() for name, bench in results.items()}
    return {"floor": floor, "clock": clock, "seconds": seconds, "spread": spread}


# --- per request: the httpx-or-httpx2 page's app, the live-server page's server


async def raw_asgi(app: FastAPI, loops: int, clock: Clock) -> float:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1"}
    scope |= {"method": "GET", "scheme": "http", "path": "/ping", "query_string": b""}
    scope |= {"raw_path": b"/ping", "root_path": "", "headers": [(b"host", b"test")]}
    scope |= {"client": ("127.0.0.1", 1), "server": ("test", 80)}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    start = clock()
    for _ in range(loops):
        await app(scope, receive, send)
    elapsed = clock() - start
    assert sent[-1]["body"] == b'{"status":"ok"}', sent
    return elapsed


async def requests(client, loops: int, clock: Clock) -> float:
    """Time `loops` GET /ping through an async client already open."""
    start = clock()
    for _ in range(loops):
        response = await client.get("/ping")
    elapsed = clock() - start
    assert response.json() == {"status": "ok"}
    return elapsed


async def asgi_client(module: ModuleType, loops: int, clock: Clock) -> float:
    transport = module.ASGITransport(app=ping_app)
    async with module.AsyncClient(transport=transport, base_url="http://t") as client:
        return await requests(client, loops, clock)


def test_client(with_block: bool, loops: int, clock: Clock) -> float:
    client = TestClient(ping_app)
    with client if with_block else nullcontext():
        start = clock()
        for _ in range(loops):
            response = client.get("/ping")
        elapsed = clock() - start
    assert response.json() == {"status": "ok"}
    return elapsed


def live_server(loops: int, clock: Clock) -> float:
    """The live-server page's fixture (in a thread), then requests over loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with contextmanager(live.base_url.__wrapped__)(port) as url:

        async def over_loopback() -> float:
            async with httpx2.AsyncClient(base_url=url, trust_env=False) as client:
                return await requests(client, loops, clock)

        return anyio.run(over_loopback)


def per_request(rounds: int) -> dict:
    cases: dict[str, Case] = {
        "raw ASGI call": lambda n, c: anyio.run(raw_asgi, ping_app, n, c)
    }
    for module in (httpx2, httpx):
        for backend in ("asyncio", "trio"):
            cases[f"{module.__name__} ASGITransport, {backend}"] = (
                lambda n, c, m=module, b=backend: anyio.run(
                    asgi_client, m, n, c, backend=b
                )
            )
    cases["TestClient without with"] = lambda n, c: test_client(False, n, c)
    cases["TestClient inside with"] = lambda n, c: test_client(True, n, c)
    cases["live uvicorn over loopback"] = live_server
    results = interleaved(cases, "cpu", rounds)
    return group("per request", "raw ASGI call", "cpu", results)


# --- per test: the Fixtures page's conftest, in one event loop -----------------

started_app = asynccontextmanager(fixtures.started_app.__wrapped__)
client_on = asynccontextmanager(fixtures.client.__wrapped__)
SESSION = 100  # tests in a session, for the fixtures that live that long


async def one_test(app: FastAPI) -> None:
    async with client_on(app) as client:
        response = await client.get("/price/apples")
    assert response.json() == {"apples": 100}


async def lifespan_by_hand(app: FastAPI) -> None:
    """Start and stop the app's lifespan with the bare ASGI lifespan protocol."""
    to_app, from_test = anyio.create_memory_object_stream[dict](2)
    replies: list[str] = []
    replied = [anyio.Event(), anyio.Event()]

    async def send(message: dict) -> None:
        replies.append(message["type"])
        replied[len(replies) - 1].set()

    async with anyio.create_task_group() as group:
        group.start_soon(
            app, {"type": "lifespan", "state": {}}, from_test.receive, send
        )
        await to_app.send({"type": "lifespan.startup"})
        await replied[0].wait()
        await to_app.send({"type": "lifespan.shutdown"})
        await replied[1].wait()
    assert replies == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


@asynccontextmanager
async def started(app: FastAPI):
    """The Fixtures page's started_app on its app; the same LifespanManager else."""
    if app is prices_app:
        async with started_app() as running:
            yield running
    else:
        async with LifespanManager(app) as manager:
            yield manager.app


async def per_test_case(variant: str, app: FastAPI, loops: int, clock: Clock) -> float:
    """`loops` tests, or for the session variants `loops` sessions of SESSION tests."""
    start = clock()
    for _ in range(loops):
        if variant == "session lifespan":
            async with started(app) as running:
                for _ in range(SESSION):
                    await one_test(running)
        elif variant == "session client":
            async with started(app) as running, client_on(running) as client:
                for _ in range(SESSION):
                    assert (await client.get("/price/apples")).status_code == 200
        elif variant == "per test":
            async with started(app) as running:
                await one_test(running)
        elif variant == "lifespan alone":
            async with started(app):
                pass
        else:
            assert variant == "by hand", variant
            await lifespan_by_hand(app)
    elapsed = clock() - start
    return elapsed / SESSION if variant.startswith("session") else elapsed


def case(variant: str, app: FastAPI = prices_app) -> Case:
    return lambda n, c: anyio.run(per_test_case, variant, app, n, c)


def per_test(rounds: int) -> dict:
    cases = {
        FLOOR: case("session lifespan"),
        RECOMMENDED: case("per test"),
        "LifespanManager alone per test (no client, no request)": case(
            "lifespan alone"
        ),
        "lifespan protocol by hand per test (no client, no request)": case("by hand"),
        "one client per session": case("session client"),
    }
    return group("per test", FLOOR, "cpu", interleaved(cases, "cpu", rounds))


STARTUP = 0.005  # seconds, waited for in the lifespan: a connection, a model


@asynccontextmanager
async def slow_startup(app: FastAPI):
    await anyio.sleep(STARTUP)
    async with prices_lifespan(app) as state:
        yield state


def startup(rounds: int) -> dict:
    """The example's app with a startup that waits: timed on the wall clock."""
    slow = FastAPI(lifespan=slow_startup, routes=prices_app.routes)
    cases = {
        "LifespanManager per session, 5 ms startup": case("session lifespan", slow),
        "LifespanManager per test, 5 ms startup": case("per test", slow),
    }
    floor = "LifespanManager per session, 5 ms startup"
    return group("startup", floor, "wall", interleaved(cases, "wall", rounds))


# --- per test, inside pytest ---------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = Path(__file__).with_name("clients")
VARIANTS = {
    FLOOR: "session lifespan",
    RECOMMENDED: "recommended",
    "LifespanManager and client in one fixture per test": "merged",
    "LifespanManager and client per session": "session",
}


def pytest_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", **extra}
    env.pop("PYTEST_ADDOPTS", None)
    return env


def pytest_per_test(variant: str, loops: int, clock: Clock) -> float:
    """CPU time per test of benchmarks/clients/, measured inside each pytest run."""
    total = 0.0
    for _ in range(loops):
        with tempfile.TemporaryDirectory() as folder:
            output = Path(folder) / "cpu.json"
            env = pytest_env(
                BENCHMARK_FIXTURES=variant,
                BENCHMARK_OUTPUT=str(output),
                PYTHONPATH=str(ROOT),
            )
            command = [sys.executable, "-m", "pytest", str(CLIENTS), "-q"]
            command += ["-c", str(CLIENTS / "pytest.ini"), "-p", "anyio"]
            command += ["-p", "no:cacheprovider"]
            run = subprocess.run(command, env=env, capture_output=True, text=True)
            assert run.returncode == 0, run.stdout + run.stderr
            times = json.loads(output.read_text(encoding="utf-8"))
        assert len(times) == 300, len(times)
        total += sum(times.values()) / len(times)
    return total


def in_pytest(rounds: int) -> dict:
    cases: dict[str, Case] = {
        name: lambda n, c, v=variant: pytest_per_test(v, n, c)
        for name, variant in VARIANTS.items()
    }
    results = interleaved(cases, "cpu", rounds, warmups=0)
    return group("in pytest", FLOOR, "cpu", results)


# --- per test: database isolation, on the Database page's app and fixtures -----

ENV_VAR = "POSTGRESQL_TEST_URL"
MODULE = 10  # tests per module, for the template database cloned per module
ROLLBACK = "savepoint rollback"
engine_on = asynccontextmanager(items.engine.__wrapped__)
rolled_back = asynccontextmanager(items.connection.__wrapped__)
app_on = asynccontextmanager(items.started_app.__wrapped__)
items_client = asynccontextmanager(items.client.__wrapped__)


async def items_test(url: str, engine, number: int) -> None:
    """One test through the Database page's fixtures: an item, a review, a read.

    The item's name comes back every MODULE tests, so rows a strategy leaks make a
    later test fail on the unique name (and the database must be empty after).
    """
    name = f"item-{number % MODULE}"
    with pytest.MonkeyPatch.context() as monkeypatch:
        async with AsyncExitStack() as stack:
            app = await stack.enter_async_context(app_on(url, monkeypatch))
            connection = None
            if engine is not None:
                connection = rolled_back(engine, monkeypatch)
                connection = await stack.enter_async_context(connection)
            client = await stack.enter_async_context(items_client(app, connection))
            created = await client.post("/items", json={"name": name, "price": 100})
            assert created.status_code == 201, created.text
            item = created.json()["id"]
            review = {"json": {"stars": 5}, "headers": {"x-user": "ann"}}
            reviewed = await client.post(f"/items/{item}/reviews", **review)
            assert reviewed.status_code == 201, reviewed.text
            assert (await client.get(f"/items/{item}")).json()["name"] == name


async def clean_up(strategy: str, engine) -> None:
    async with engine.begin() as connection:
        if strategy == "DELETE after each test":
            for table in reversed(Base.metadata.sorted_tables):
                await connection.execute(delete(table))
        elif strategy == "TRUNCATE after each test":
            names = ", ".join(table.name for table in Base.metadata.sorted_tables)
            await connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
        else:
            assert strategy == "drop and recreate schema", strategy
            await connection.run_sync(Base.metadata.drop_all)
            await connection.run_sync(Base.metadata.create_all)


async def isolated(strategy: str, url: str, loops: int, clock: Clock) -> float:
    async with engine_on(url) as engine:  # the module-scoped fixture: the schema
        start = clock()
        for number in range(loops):
            if strategy == ROLLBACK:
                await items_test(url, engine, number)
            else:
                await items_test(url, None, number)
                await clean_up(strategy, engine)
        elapsed = clock() - start
    await items.assert_no_rows_left(url)  # the session fixture's check
    return elapsed


async def create_database(server: str, template: str | None = None) -> str:
    """A new database on the server, by the Database page's `admin`."""
    name = f"bench_{uuid.uuid4().hex[:12]}"
    clone = f' TEMPLATE "{template}"' if template else ""
    await items.admin(libpq_url(server), f'CREATE DATABASE "{name}"{clone}')
    return make_url(server).set(database=name).render_as_string(hide_password=False)


async def drop_database(server: str, url: str) -> None:
    name = make_url(url).database
    await items.admin(
        libpq_url(server), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    )


def libpq_url(server: str) -> str:
    url = make_url(server).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def cloned(server: str, template: str, module: int, loops: int, clock) -> float:
    """Each loop: a module of `module` tests on a database cloned from a template."""
    start = clock()
    for _ in range(loops):
        url = await create_database(server, template)
        for number in range(module):
            await items_test(url, None, number)
        await drop_database(server, url)
    return (clock() - start) / module


async def create_schema(url: str) -> None:
    async with engine_on(url):  # the module-scoped fixture creates the tables
        pass


def isolation_cases(urls: dict[str, str]) -> dict[str, Case]:
    return {
        strategy: lambda n, c, s=strategy, u=url: anyio.run(isolated, s, u, n, c)
        for strategy, url in urls.items()
    }


CLEANUPS = ["DELETE after each test", "drop and recreate schema"]


def sqlite_isolation(rounds: int) -> dict:
    strategies = [ROLLBACK, *CLEANUPS]
    with tempfile.TemporaryDirectory() as folder:
        urls = {
            s: f"sqlite+aiosqlite:///{folder}/{i}.db" for i, s in enumerate(strategies)
        }
        results = interleaved(isolation_cases(urls), "wall", rounds)
    return group("isolation, SQLite", ROLLBACK, "wall", results)


def postgresql_isolation(server: str, rounds: int) -> dict:
    strategies = [ROLLBACK, CLEANUPS[0], "TRUNCATE after each test", CLEANUPS[1]]
    urls = {strategy: anyio.run(create_database, server) for strategy in strategies}
    template = anyio.run(create_database, server)
    try:
        anyio.run(create_schema, template)
        name = make_url(template).database
        cases = isolation_cases(urls)
        for label, module in [
            (f"per module ({MODULE} tests)", MODULE),
            ("per test", 1),
        ]:
            cases[f"template database cloned {label}"] = lambda n, c, m=module: (
                anyio.run(cloned, server, name, m, n, c)
            )
        results = interleaved(cases, "wall", rounds)
    finally:
        for url in [*urls.values(), template]:
            anyio.run(drop_database, server, url)
    return group("isolation, PostgreSQL", ROLLBACK, "wall", results)


@contextmanager
def postgresql_server() -> Iterator[str]:
    """POSTGRESQL_TEST_URL if set, else a throwaway server started by the harness.

    Either way as SQLAlchemy's URL for asyncpg, as the examples derive it.
    """
    server = os.environ.get(ENV_VAR)
    if server:
        yield sqlalchemy_url(server)
        return
    from tests import postgresql

    progress("  starting a throwaway PostgreSQL server...")
    try:
        yield sqlalchemy_url(postgresql.start())
    finally:
        postgresql.stop_servers()


def sqlalchemy_url(server: str) -> str:
    url = make_url(server).set(drivername="postgresql+asyncpg")
    return url.render_as_string(hide_password=False)


# --- a whole suite on one and on two pytest-xdist workers ---------------------

SUITE = ROOT / "docs_src" / "parallel_runs" / "per_worker_database" / "scripts"


def run_suite(workers: int, server: str, loops: int, clock: Clock) -> float:
    """The parallel-runs page's suite, laid out as its test does, on xdist workers."""
    total = 0.0
    for _ in range(loops):
        with tempfile.TemporaryDirectory() as folder:
            package = Path(folder) / "notes"
            package.mkdir()
            (package / "__init__.py").touch()
            for name in ["main.py", "conftest.py", "test_notes.py"]:
                shutil.copy(SUITE / name, package / name)
            (Path(folder) / "pytest.ini").write_text(
                "[pytest]\nfilterwarnings = error\n"
            )
            command = [sys.executable, "-m", "pytest", "-p", "xdist", "-p", "anyio"]
            command += ["-p", "no:cacheprovider", "-n", str(workers), "-q"]
            env = pytest_env(**{ENV_VAR: server})
            start = clock()
            run = subprocess.run(
                command, cwd=folder, env=env, capture_output=True, text=True
            )
            total += clock() - start
        assert run.returncode == 0, run.stdout + run.stderr
        assert "40 passed" in run.stdout, run.stdout
    return total


def whole_suite(server: str, rounds: int) -> dict:
    cases: dict[str, Case] = {
        "one worker": lambda n, c: run_suite(0, server, n, c),
        "two xdist workers": lambda n, c: run_suite(2, server, n, c),
    }
    results = interleaved(cases, "wall", rounds, warmups=0)
    return group("whole suite", "one worker", "wall", results)


# --- running and recording ---------------------------------------------------


def machine() -> dict[str, str | int | None]:
    return {
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "pyperf": pyperf.__version__,
    }


def run(quick: bool) -> dict:
    if quick:
        quick()
    load_at_start = os.getloadavg()[0]
    rounds = 1 if quick else 5
    progress("Per request (one GET to a one-route app)...")
    groups = {"requests": per_request(rounds)}
    progress("Per test: fixture scopes, simulated in one event loop...")
    groups["scopes"] = per_test(rounds)
    groups["startup"] = startup(rounds)
    progress("Per test: client fixtures inside pytest (300 tests a run)...")
    groups["pytest"] = in_pytest(rounds)
    with postgresql_server() as server:
        progress("Per test: database isolation...")
        groups["sqlite"] = sqlite_isolation(rounds)
        groups["postgresql"] = postgresql_isolation(server, rounds)
        progress("Per test: import-time engines, rolled back or a database each...")
        from . import import_globals  # not at the top: it imports this module

        groups["import_globals"] = import_globals.measure(server, rounds)
        progress("A whole suite (20 tests on SQLite, 20 on PostgreSQL)...")
        groups["suite"] = whole_suite(server, rounds=1 if quick else 3)
    return {
        "measured": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        # Other work on the machine: the 1-minute load average, start and end.
        "load": [round(load_at_start, 1), round(os.getloadavg()[0], 1)],
        "command": COMMAND,
        "groups": groups,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="short run; print, do not record"
    )
    parser.add_argument(
        "--busy",
        action="store_true",
        help="record even on a busy machine (the page then says: not publishable)",
    )
    args = parser.parse_args(argv)
    load, cpus = os.getloadavg()[0], os.cpu_count() or 1
    if load > cpus and not (args.quick or args.busy):
        parser.exit(
            3,
            f"The load average is {load:.1f} on {cpus} CPUs: processes are waiting "
            "for a CPU, so every time would be too slow. Wait until the machine is "
            "idle, or record anyway with --busy (the page will say so).\n",
        )
    results = run(args.quick)
    if args.quick:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return
    # Keep the groups other benchmarks add (benchmarks/migrations.py).
    recorded = json.loads(RESULTS.read_text(encoding="utf-8"))["groups"]
    results["groups"] = {**recorded, **results["groups"]}
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    progress(f"Wrote {RESULTS}")


if __name__ == "__main__":
    from benchmarks import speed  # this module under its own name, as the others see it

    speed.main()
