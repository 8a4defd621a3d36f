"""Measure what async tests for a FastAPI app cost, and render the results.

Run from the project root:

    python -m benchmarks.speed            # full run, writes benchmarks/results.json
    python -m benchmarks.speed --quick    # a short run, prints only

Every figure is a median over rounds, reported next to the floor of the same run
(a raw ASGI call for requests, a bare ASGITransport client for tests, the savepoint
rollback for database isolation, one worker for a whole suite), so the ratios
compare like with like on whatever machine runs it. The cases of a table take turns
round by round (test by test for database isolation), so a burst of load elsewhere
slows them alike.

The database figures need PostgreSQL: the server at POSTGRESQL_TEST_URL, else a
throwaway one started the way the test suite starts it (tests/postgresql.py).
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
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Annotated, Any

import anyio
import httpx
import httpx2
from asgi_lifespan import LifespanManager
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    event,
    insert,
    make_url,
    select,
    text,
)
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

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


def interleaved(rounds: int, cases: dict[str, Callable[[], float]]) -> dict[str, float]:
    """The median of each case over rounds in which the cases take turns.

    A burst of load elsewhere on the machine then slows every case alike.
    """
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, case in cases.items():
            times[name].append(case())
    return {name: statistics.median(values) for name, values in times.items()}


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
    results = interleaved(rounds, cases)
    for name, value in results.items():
        progress(f"  per request: {name}: {value * 1e6:.0f} µs")
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
    costly_ms = f"{startup_cost * 1000:.0f} ms startup"
    cases: dict[str, Callable[[], float]] = {
        "bare ASGITransport client per test": lambda: anyio.run(
            tests_with_fresh_client, cheap, tests, False
        ),
        "recommended conftest (LifespanManager + client per test)": lambda: anyio.run(
            tests_with_fresh_client, cheap, tests, True
        ),
        "LifespanManager alone per test (no client, no request)": lambda: anyio.run(
            lifespans_alone, cheap, tests, False
        ),
        "lifespan protocol by hand per test (no client, no request)": lambda: anyio.run(
            lifespans_alone, cheap, tests, True
        ),
        "one client per session": lambda: anyio.run(
            tests_with_shared_client, cheap, tests, False
        ),
        f"LifespanManager per test, {costly_ms}": lambda: anyio.run(
            tests_with_fresh_client, costly, tests, True
        ),
        f"LifespanManager per session, {costly_ms}": lambda: anyio.run(
            tests_with_shared_client, costly, tests, True
        ),
    }
    results = interleaved(rounds, cases)
    for name, value in results.items():
        progress(f"  per test: {name}: {value * 1e6:.0f} µs")
    return results


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


async def lifespans_alone(app: FastAPI, tests: int, by_hand: bool) -> float:
    """Only the lifespan of each simulated test: no client, no request.

    by_hand speaks the ASGI lifespan protocol directly (one task, a stream and two
    events), to tell the protocol's own cost from LifespanManager's machinery.
    """
    start = time.perf_counter()
    for _ in range(tests):
        if by_hand:
            await lifespan_by_hand(app)
        else:
            async with LifespanManager(app):
                pass
    return (time.perf_counter() - start) / tests


# --- per test, inside pytest ---------------------------------------------------

CLIENTS = Path(__file__).with_name("clients")
VARIANTS = {
    "bare ASGITransport client per test": "bare",
    "recommended conftest (LifespanManager + client per test)": "recommended",
    "LifespanManager and client in one fixture per test": "merged",
    "LifespanManager and client per session": "session",
}


def pytest_per_test(variant: str) -> float:
    """Mean time of one test of benchmarks/clients/ (setup + call + teardown)."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "durations.json"
        env = {
            **os.environ,
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "BENCHMARK_FIXTURES": variant,
            "BENCHMARK_OUTPUT": str(output),
        }
        env.pop("PYTEST_ADDOPTS", None)
        command = [sys.executable, "-m", "pytest", "-c", str(CLIENTS / "pytest.ini")]
        command += [str(CLIENTS), "-p", "anyio", "-p", "no:cacheprovider", "-q"]
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        durations = json.loads(output.read_text(encoding="utf-8"))
    assert len(durations) == 300, len(durations)
    return statistics.fmean(durations.values())


def in_pytest(rounds: int) -> dict[str, float]:
    results = interleaved(
        rounds,
        {
            name: lambda v=variant: pytest_per_test(v)
            for name, variant in VARIANTS.items()
        },
    )
    for name, value in results.items():
        progress(f"  in pytest: {name}: {value * 1e6:.0f} µs")
    return results


# --- per test: database isolation --------------------------------------------

ENV_VAR = "POSTGRESQL_TEST_URL"
MODULE = 10  # tests per module, for the template database cloned per module

metadata = MetaData()
owners = Table(
    "owners",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), unique=True),
)
items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("owner_id", ForeignKey("owners.id"), nullable=False),
    Column("name", String(50)),
)


async def get_session() -> AsyncIterator[AsyncSession]:
    raise NotImplementedError("each isolation strategy overrides this")
    yield


Session = Annotated[AsyncSession, Depends(get_session)]


def make_items_app() -> FastAPI:
    app = FastAPI()

    @app.post("/owners/{owner}/items/{name}", status_code=201)
    async def add(owner: str, name: str, session: Session) -> dict[str, int]:
        query = select(owners.c.id).where(owners.c.name == owner)
        owner_id = await session.scalar(query)
        if owner_id is None:
            new = insert(owners).values(name=owner).returning(owners.c.id)
            owner_id = await session.scalar(new)
        row = insert(items).values(owner_id=owner_id, name=name).returning(items.c.id)
        item_id = await session.scalar(row)
        await session.commit()
        return {"id": item_id}

    @app.get("/items")
    async def names(session: Session) -> list[str]:
        return list(await session.scalars(select(items.c.name).order_by(items.c.id)))

    return app


async def items_test(app: FastAPI, number: int, before: int) -> None:
    """One simulated test: three writes and a read through the app.

    It sees exactly its own rows after the `before` rows of earlier tests that share
    its database, so a strategy that leaks rows fails it.
    """
    async with httpx2.AsyncClient(
        transport=httpx2.ASGITransport(app=app), base_url="http://test"
    ) as client:
        mine = [f"item-{number}-{k}" for k in range(3)]
        for name in mine:
            response = await client.post(f"/owners/owner-{number}/items/{name}")
            assert response.status_code == 201, response.text
        names = (await client.get("/items")).json()
    assert len(names) == before + 3, names
    assert names[-3:] == mine, names


def make_engine(url: str | URL) -> AsyncEngine:
    """An engine as the Database page makes it: on SQLite, savepoints that work."""
    engine = create_async_engine(url)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def configure(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself

        @event.listens_for(engine.sync_engine, "begin")
        def emit_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

    return engine


def sessions_on(bind, **options) -> Callable[[], AsyncIterator[AsyncSession]]:
    async def session() -> AsyncIterator[AsyncSession]:
        async with AsyncSession(bind=bind, expire_on_commit=False, **options) as s:
            yield s

    return session


async def run_ddl(server: str, *statements: str) -> None:
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            for statement in statements:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def create_schema(url: str | URL) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(metadata.create_all)
    finally:
        await engine.dispose()


async def isolated_test(
    app: FastAPI, engine: AsyncEngine, strategy: str, number: int
) -> None:
    """One simulated test, then the strategy undoes what it wrote."""
    if strategy == "savepoint rollback":
        async with engine.connect() as connection:
            transaction = await connection.begin()
            app.dependency_overrides[get_session] = sessions_on(
                connection, join_transaction_mode="create_savepoint"
            )
            await items_test(app, number, before=0)
            await transaction.rollback()
        return
    app.dependency_overrides[get_session] = sessions_on(engine)
    await items_test(app, number, before=0)
    async with engine.begin() as connection:
        if strategy == "DELETE after each test":
            for table in reversed(metadata.sorted_tables):
                await connection.execute(delete(table))
        elif strategy == "TRUNCATE after each test":
            await connection.execute(text("TRUNCATE owners, items RESTART IDENTITY"))
        else:
            assert strategy == "drop and recreate schema", strategy
            await connection.run_sync(metadata.drop_all)
            await connection.run_sync(metadata.create_all)


async def per_test_cleanup(
    app: FastAPI, urls: dict[str, str | URL], tests: int
) -> dict[str, float]:
    """Tests that undo their rows one by one, each strategy on a database of its own.

    The strategies take turns test by test, so a burst of load elsewhere on the
    machine hits them alike; their own databases keep one strategy's schema changes
    from costing the next one anything.
    """
    engines = {strategy: make_engine(url) for strategy, url in urls.items()}
    totals = dict.fromkeys(urls, 0.0)
    try:
        for strategy, engine in engines.items():
            async with engine.begin() as connection:
                await connection.run_sync(metadata.create_all)
            await isolated_test(app, engine, strategy, -1)  # connect, warm caches
        for number in range(tests):
            for strategy, engine in engines.items():
                start = time.perf_counter()
                await isolated_test(app, engine, strategy, number)
                totals[strategy] += time.perf_counter() - start
    finally:
        for engine in engines.values():
            await engine.dispose()
    return {strategy: total / tests for strategy, total in totals.items()}


async def template_clones(app: FastAPI, server: str, module: int, tests: int) -> float:
    """A database cloned from a template for each module of `module` tests."""
    tag = uuid.uuid4().hex[:8]
    template = f"bench_template_{tag}"
    await run_ddl(server, f'CREATE DATABASE "{template}"')
    try:
        await create_schema(make_url(server).set(database=template))
        start = time.perf_counter()
        for first in range(0, tests, module):
            clone = f"bench_{tag}_{first}"
            await run_ddl(server, f'CREATE DATABASE "{clone}" TEMPLATE "{template}"')
            engine = make_engine(make_url(server).set(database=clone))
            try:
                app.dependency_overrides[get_session] = sessions_on(engine)
                for number in range(first, min(first + module, tests)):
                    await items_test(app, number, before=3 * (number - first))
            finally:
                await engine.dispose()
            await run_ddl(server, f'DROP DATABASE "{clone}"')
        return (time.perf_counter() - start) / tests
    finally:
        await run_ddl(server, f'DROP DATABASE IF EXISTS "{template}"')


SQLITE_STRATEGIES = [
    "savepoint rollback",
    "DELETE after each test",
    "drop and recreate schema",
]
POSTGRESQL_STRATEGIES = [
    "savepoint rollback",
    "DELETE after each test",
    "TRUNCATE after each test",
    "drop and recreate schema",
    f"template database cloned per module ({MODULE} tests)",
    "template database cloned per test",
]


TEMPLATES = {
    f"template database cloned per module ({MODULE} tests)": MODULE,
    "template database cloned per test": 1,
}


async def sqlite_isolation(strategies: list[str], tests: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        urls: dict[str, str | URL] = {
            strategy: f"sqlite+aiosqlite:///{folder}/{number}.db"
            for number, strategy in enumerate(strategies)
        }
        return await per_test_cleanup(make_items_app(), urls, tests)


async def postgresql_isolation(
    server: str, strategies: list[str], tests: int
) -> dict[str, float]:
    app = make_items_app()
    tag = uuid.uuid4().hex[:8]
    names = {
        strategy: f"bench_{tag}_{number}"
        for number, strategy in enumerate(strategies)
        if strategy not in TEMPLATES
    }
    for name in names.values():
        await run_ddl(server, f'CREATE DATABASE "{name}"')
    try:
        urls: dict[str, str | URL] = {
            strategy: make_url(server).set(database=name)
            for strategy, name in names.items()
        }
        results = await per_test_cleanup(app, urls, tests)
    finally:
        for name in names.values():
            await run_ddl(server, f'DROP DATABASE "{name}" WITH (FORCE)')
    for strategy in strategies:
        if strategy in TEMPLATES:
            results[strategy] = await template_clones(
                app, server, TEMPLATES[strategy], tests
            )
    return {strategy: results[strategy] for strategy in strategies}


@contextmanager
def postgresql_server() -> Iterator[str]:
    """POSTGRESQL_TEST_URL if set, else a throwaway server started by the harness.

    Either way as SQLAlchemy's URL for asyncpg (the variable holds libpq's form).
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


def isolation(
    server: str, tests: int, rounds: int
) -> tuple[dict[str, float], dict[str, float]]:
    runs: dict[str, list[dict[str, float]]] = {"SQLite": [], "PostgreSQL": []}
    for _ in range(rounds):
        runs["SQLite"].append(asyncio.run(sqlite_isolation(SQLITE_STRATEGIES, tests)))
        runs["PostgreSQL"].append(
            asyncio.run(postgresql_isolation(server, POSTGRESQL_STRATEGIES, tests))
        )
    results = []
    for database, strategies in [
        ("SQLite", SQLITE_STRATEGIES),
        ("PostgreSQL", POSTGRESQL_STRATEGIES),
    ]:
        medians = {
            strategy: statistics.median(run[strategy] for run in runs[database])
            for strategy in strategies
        }
        for strategy, value in medians.items():
            progress(f"  isolation, {database}: {strategy}: {value * 1e3:.2f} ms")
        results.append(medians)
    return results[0], results[1]


# --- a whole suite on one and on two pytest-xdist workers ---------------------

SUITE = Path(__file__).with_name("suite")


def run_suite(workers: int, server: str) -> float:
    """Wall time of benchmarks/suite/ on `workers` xdist workers (0: no xdist)."""
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", ENV_VAR: server}
    env.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "pytest", "-c", str(SUITE / "pytest.ini")]
    command += [str(SUITE), "-p", "xdist", "-p", "anyio", "-n", str(workers), "-q"]
    command += ["-p", "no:cacheprovider"]
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0, result.stdout
    assert "80 passed" in result.stdout, result.stdout
    return elapsed


def whole_suite(server: str, rounds: int) -> dict[str, float]:
    times: dict[str, list[float]] = {"one worker": [], "two xdist workers": []}
    for _ in range(rounds):
        times["one worker"].append(run_suite(0, server))
        times["two xdist workers"].append(run_suite(2, server))
    results = {name: statistics.median(values) for name, values in times.items()}
    for name, value in results.items():
        progress(f"  whole suite: {name}: {value:.2f} s")
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
    load_at_start = os.getloadavg()[0]
    rounds = 3
    progress("Per request (one GET to a one-route app)...")
    requests = per_request(n=1000 // scale, rounds=5)
    progress("Per test: fixture scopes, simulated in one event loop...")
    scopes = per_test(tests=300 // scale, rounds=rounds, startup_cost=0.005)
    progress("Per test: client fixtures inside pytest (300 tests a run)...")
    pytest_runs = in_pytest(rounds=1 if quick else 5)
    with postgresql_server() as server:
        progress("Per test: database isolation...")
        sqlite, postgresql = isolation(
            server, tests=MODULE * (1 if quick else 3), rounds=rounds
        )
        progress("Per test: import-time engines, rolled back or a database each...")
        from . import import_globals  # not at the top: it imports this module

        engines = import_globals.measure(
            server, tests=3 if quick else 10, rounds=1 if quick else 3
        )
        progress("A whole suite (40 tests on SQLite, 40 on PostgreSQL)...")
        suite = whole_suite(server, rounds=1 if quick else 3)
    return {
        "measured": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        # Other work on the machine: the 1-minute load average, start and end.
        "load": [round(load_at_start, 1), round(os.getloadavg()[0], 1)],
        "command": COMMAND,
        "groups": {
            "requests": {"floor": "raw ASGI call", "seconds": requests},
            "scopes": {
                "floor": "bare ASGITransport client per test",
                "seconds": scopes,
            },
            "pytest": {
                "floor": "bare ASGITransport client per test",
                "seconds": pytest_runs,
            },
            "sqlite": {"floor": "savepoint rollback", "seconds": sqlite},
            "postgresql": {"floor": "savepoint rollback", "seconds": postgresql},
            "import_globals": engines,
            "suite": {"floor": "one worker", "seconds": suite},
        },
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
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    if args.quick:
        print(text)
    else:
        # Keep the groups other benchmarks add (benchmarks/migrations.py).
        recorded = json.loads(RESULTS.read_text(encoding="utf-8"))["groups"]
        results["groups"] = {**recorded, **results["groups"]}
        text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
        RESULTS.write_text(text, encoding="utf-8")
        progress(f"Wrote {RESULTS}")


if __name__ == "__main__":
    main()
