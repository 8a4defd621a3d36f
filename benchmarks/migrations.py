"""Measure what building the test schema from Alembic migrations costs.

Run from the project root:

    python -m benchmarks.migrations            # full run, adds two groups to
                                               # benchmarks/results.json
    python -m benchmarks.migrations --quick    # a short run, prints only

The schema is the one of the example on the migrations page
(docs_src/schema_migrations/alembic_items), imported from there, not copied: its
models for `create_all`, its migrations and its `migrate()` for Alembic. Each case
builds the schema in a new, empty database (a new SQLite file, or a database
created on the PostgreSQL server), which is what a test session does once; only
the build is timed, on the wall clock (the databases do the work). The cases take
turns round by round, with speed.py's pyperf calibration and statistics. The floor is
`create_all`. The third case adds the models-against-migrations check
(`compare_metadata`), which a suite that builds its schema from migrations runs too.

PostgreSQL: the server at POSTGRESQL_TEST_URL (either URL form), else a throwaway
one started the way the test suite starts it (tests/postgresql.py).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Awaitable, Callable

import anyio
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import URL, make_url

from docs_src.schema_migrations.alembic_items.conftest import migrate
from docs_src.schema_migrations.alembic_items.main import Base, make_engine

from . import speed
from .render import RESULTS
from .speed import Case, Clock, group, interleaved, postgresql_server, progress

CREATE_ALL = "create_all"
UPGRADE = "alembic upgrade head"
UPGRADE_AND_CHECK = "alembic upgrade head, then compare_metadata"


async def create_all(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
    finally:
        await engine.dispose()


async def upgrade_and_check(url: str) -> None:
    await migrate(url)
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            diff = await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync), Base.metadata
                )
            )
    finally:
        await engine.dispose()
    assert diff == [], diff


Build = Callable[[str], Awaitable[None]]
CASES: dict[str, Build] = {
    CREATE_ALL: create_all,
    UPGRADE: migrate,
    UPGRADE_AND_CHECK: upgrade_and_check,
}


async def on_sqlite(build: Build, loops: int, clock: Clock) -> float:
    elapsed = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for number in range(loops):
            url = f"sqlite+aiosqlite:///{folder}/{number}.db"
            start = clock()
            await build(url)
            elapsed += clock() - start
    return elapsed


async def on_postgresql(build: Build, server: URL, loops: int, clock: Clock) -> float:
    server_url = server.render_as_string(hide_password=False)
    elapsed = 0.0
    for _ in range(loops):
        url = await speed.create_database(server_url)
        try:
            start = clock()
            await build(url)
            elapsed += clock() - start
        finally:
            await speed.drop_database(server_url, url)
    return elapsed


def groups(quick: bool) -> dict[str, dict]:
    """The two groups, in the shape of benchmarks/results.json's groups."""
    if quick:
        speed.quick()
    rounds = 1 if quick else 5
    progress("Schema from create_all or from migrations, SQLite...")
    sqlite: dict[str, Case] = {
        case: lambda n, c, b=build: anyio.run(on_sqlite, b, n, c)
        for case, build in CASES.items()
    }
    results = {"migrations_sqlite": interleaved(sqlite, "wall", rounds)}
    with postgresql_server() as server:
        progress("Schema from create_all or from migrations, PostgreSQL...")
        url = make_url(server)
        postgresql: dict[str, Case] = {
            case: lambda n, c, b=build: anyio.run(on_postgresql, b, url, n, c)
            for case, build in CASES.items()
        }
        results["migrations_postgresql"] = interleaved(postgresql, "wall", rounds)
    return {
        name: group(name, CREATE_ALL, "wall", benchmarks)
        for name, benchmarks in results.items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="short run; print, do not record"
    )
    args = parser.parse_args(argv)
    new = groups(args.quick)
    if args.quick:
        print(json.dumps(new, indent=2))
        return
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    results["groups"].update(new)
    RESULTS.write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    progress(f"Wrote {RESULTS}")


if __name__ == "__main__":
    main()
