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

from . import speed
from .speed import Case, Clock, group, interleaved, postgresql_server

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


async def rolled_back_tests(url: str | URL, names: list, loops: int, clock) -> float:
    await recipe.create_tables(url)  # once per session: not timed
    engine = recipe.make_test_engine(url)
    try:
        start = clock()
        for number in range(loops):
            with pytest.MonkeyPatch.context() as monkeypatch:
                async with recipe.rolled_back(engine, names, monkeypatch) as connection:
                    await simulated_test(connection, f"item-{number}")
        return clock() - start
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
    loops: int,
    clock: Clock,
) -> float:
    start = clock()
    for number in range(loops):
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
    return clock() - start


def measure(server: str, rounds: int) -> dict:
    """The results group, on the wall clock: the tests wait for the databases."""
    names = recipe.names_holding(recipe.IMPORT_TIME)
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

            async def new_database(number: int) -> str:
                return await speed.create_database(server)

            async def drop_database(url: str | URL) -> None:
                await speed.drop_database(server, str(url))

            async def rolled_back_on_postgresql(loops: int, clock: Clock) -> float:
                url = await speed.create_database(server)
                try:
                    return await rolled_back_tests(url, names, loops, clock)
                finally:
                    await speed.drop_database(server, url)

            sqlite = f"sqlite+aiosqlite:///{folder}/test.db"
            cases: dict[str, Case] = {
                FLOOR: lambda n, c: anyio.run(rolled_back_tests, sqlite, names, n, c),
                "database per test, SQLite": lambda n, c: anyio.run(
                    database_per_test, sqlite_file, remove_file, names, n, c
                ),
                "rolled-back transaction, PostgreSQL": lambda n, c: anyio.run(
                    rolled_back_on_postgresql, n, c
                ),
                "database per test, PostgreSQL": lambda n, c: anyio.run(
                    database_per_test, new_database, drop_database, names, n, c
                ),
            }
            results = interleaved(cases, "wall", rounds)
    finally:
        for target, listener in guards:
            event.remove(target, "do_connect", listener)
    return group("import-time engines", FLOOR, "wall", results)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run")
    args = parser.parse_args(argv)
    if args.quick:
        speed.quick()
    with postgresql_server() as server:
        results = measure(server, rounds=1 if args.quick else 5)
    print(json.dumps({"import_globals": results}, indent=2))


if __name__ == "__main__":
    main()
