"""What the import-time engines recipe costs per test, next to a database per test.

The app, the names to patch, the rolled-back connection and the guard come from the
example itself (docs_src/legacy_app/rolled_back/), so this measures what the page
"Import-time engines with a rolled-back test transaction" shows. Run from the
project root:

    python -m benchmarks.import_globals --quick   # a short run; prints the group

`python -m benchmarks.speed` records the full run with the other groups. Every
simulated test starts the app's lifespan, posts an item (whose background task
writes an audit entry) and checks both rows; only the isolation around it differs:

- rolled-back transaction: one test database per run, its schema created once
  (not timed); each test gets a connection whose transaction is rolled back, and
  every name holding an import-time engine or session factory points at it;
- database per test: each test creates a database (a new SQLite file, or
  CREATE DATABASE on PostgreSQL), points the names at an engine on it, lets the
  lifespan create the tables, and drops the database afterwards.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import httpx2
import pytest
from asgi_lifespan import LifespanManager
from sqlalchemy import URL, event, make_url, select
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)

from docs_src.legacy_app.rolled_back import conftest as recipe
from docs_src.legacy_app.rolled_back.app import db
from docs_src.legacy_app.rolled_back.app.main import app

from .speed import interleaved, postgresql_server, progress

FLOOR = "rolled-back transaction, SQLite"


async def simulated_test(read: AsyncConnection, name: str) -> None:
    """The same test for both strategies: a request, then both rows checked."""
    async with LifespanManager(app) as manager:
        transport = httpx2.ASGITransport(app=manager.app)
        async with httpx2.AsyncClient(
            transport=transport, base_url="http://test"
        ) as client:
            response = await client.post("/items", json={"name": name})
    assert response.status_code == 201, response.text
    assert list(await read.scalars(select(db.Item.name))) == [name]
    actions = list(await read.scalars(select(db.AuditEntry.action)))
    assert actions == [f"created {name}"], actions


async def rolled_back_tests(url: str | URL, names: list, tests: int) -> float:
    await recipe.create_tables(url)  # once per session: not timed
    engine = recipe.make_test_engine(url)
    try:
        start = time.perf_counter()
        for number in range(tests):
            with pytest.MonkeyPatch.context() as monkeypatch:
                async with recipe.rolled_back(engine, names, monkeypatch) as connection:
                    await simulated_test(connection, f"item-{number}")
        return (time.perf_counter() - start) / tests
    finally:
        await engine.dispose()


def on_engine(original: Any, engine: AsyncEngine) -> Any:
    """What a database-per-test fixture puts in place of an import-time object."""
    if isinstance(original, AsyncEngine):
        return engine
    return async_sessionmaker(
        class_=original.class_, **(original.kw | {"bind": engine})
    )


async def database_per_test(
    create: Callable[[int], Awaitable[str | URL]],
    drop: Callable[[str | URL], Awaitable[None]],
    names: list,
    tests: int,
) -> float:
    start = time.perf_counter()
    for number in range(tests):
        url = await create(number)
        engine = create_async_engine(url)
        try:
            with pytest.MonkeyPatch.context() as monkeypatch:
                for module, attribute, original in names:
                    monkeypatch.setattr(module, attribute, on_engine(original, engine))
                async with engine.connect() as read:
                    await simulated_test(read, f"item-{number}")
        finally:
            await engine.dispose()
            await drop(url)
    return (time.perf_counter() - start) / tests


def measure(server: str, tests: int, rounds: int) -> dict:
    """The results group: the floor and the median time per test of each case."""
    names = recipe.names_holding(recipe.IMPORT_TIME)
    postgresql = make_url(server).set(drivername="postgresql+asyncpg")
    guards = [
        (engine.sync_engine, recipe.refuse(engine.url))
        for engine in recipe.IMPORT_TIME
        if isinstance(engine, AsyncEngine)
    ]
    for target, listener in guards:  # a missed name fails the run, as in the tests
        event.listen(target, "do_connect", listener)
    try:
        with tempfile.TemporaryDirectory() as folder:

            async def sqlite_file(number: int) -> str:
                return f"sqlite+aiosqlite:///{folder}/{number}.db"

            async def remove_file(url: str | URL) -> None:
                await anyio.Path(make_url(url).database).unlink()

            async def new_database(number: int) -> URL:
                return await recipe.create_database(postgresql)

            async def drop_database(url: str | URL) -> None:
                await recipe.drop_database(postgresql, make_url(url))

            async def rolled_back_on_postgresql() -> float:
                url = await recipe.create_database(postgresql)
                try:
                    return await rolled_back_tests(url, names, tests)
                finally:
                    await recipe.drop_database(postgresql, url)

            cases: dict[str, Callable[[], float]] = {
                FLOOR: lambda: anyio.run(
                    rolled_back_tests,
                    f"sqlite+aiosqlite:///{folder}/test.db",
                    names,
                    tests,
                ),
                "database per test, SQLite": lambda: anyio.run(
                    database_per_test, sqlite_file, remove_file, names, tests
                ),
                "rolled-back transaction, PostgreSQL": lambda: anyio.run(
                    rolled_back_on_postgresql
                ),
                "database per test, PostgreSQL": lambda: anyio.run(
                    database_per_test, new_database, drop_database, names, tests
                ),
            }
            seconds = interleaved(rounds, cases)
    finally:
        for target, listener in guards:
            event.remove(target, "do_connect", listener)
    for name, value in seconds.items():
        progress(f"  import-time engines: {name}: {value * 1e3:.2f} ms")
    return {"floor": FLOOR, "seconds": seconds}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 tests, 1 round")
    args = parser.parse_args(argv)
    with postgresql_server() as server:
        group = measure(
            server, tests=3 if args.quick else 10, rounds=1 if args.quick else 3
        )
    print(json.dumps({"import_globals": group}, indent=2))


if __name__ == "__main__":
    main()
