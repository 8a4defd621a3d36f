"""MkDocs hook: fill in the "Versions tested" page from the running environment.

The docs are built in the same environment as the test suite (`python3 dev.py test`
builds them, and so does CI), so the versions that `importlib.metadata` reports here
are the versions the examples just ran with. Nothing on that page is typed by hand.

The page marks the region to replace with two HTML comments, START and END below.
What lies between them is a note for builders that do not run MkDocs hooks.

The same page shows the last run of the version matrix (noxfile.py), read from the
results file that the nox sessions write, MATRIX below. A session without a
recorded result is shown as "not run".
"""

from __future__ import annotations

import json
import logging
import platform
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.versions")

PAGE = "reference/versions.md"
START = "<!-- versions:start -->"
END = "<!-- versions:end -->"
MATRIX = Path(__file__).resolve().parent.parent / "docs" / "reference" / "matrix.json"
MATRIX_START = "<!-- matrix:start -->"
MATRIX_END = "<!-- matrix:end -->"

# (distribution name on the package index, what the guide uses it for). Every
# package a page's install line names is listed here (tests/test_other_blocks.py
# checks it), and the version matrix records each of them (noxfile.py).
PACKAGES: dict[str, list[tuple[str, str]]] = {
    "The app and its tests": [
        ("fastapi", "the web framework under test"),
        ("starlette", "the ASGI toolkit under FastAPI; runs the lifespan"),
        ("httpx", "`AsyncClient` and `ASGITransport`"),
        ("anyio", "the pytest plugin behind `@pytest.mark.anyio`"),
        ("trio", "the second backend every async test runs on"),
        ("asgi-lifespan", "`LifespanManager`"),
        ("pytest", "the test runner"),
        ("pytest-asyncio", "the alternative plugin, in strict mode"),
        ("httpx2", "the fork that Starlette's `TestClient` prefers"),
        ("httpx-ws", "WebSockets through `ASGITransport`"),
        ("uvicorn", "the live server"),
        ("pytest-xdist", "parallel runs"),
        ("pytest-timeout", "a time limit on each test"),
        ("coverage", "coverage of async code"),
        ("pydantic-settings", "settings read from the environment"),
        ("python-multipart", "form data and file uploads"),
        ("respx", "mocked outbound HTTP"),
        ("polyfactory", "test data factories"),
        ("pyjwt", "a library whose warning the warnings page filters"),
    ],
    "Database drivers": [
        ("sqlalchemy", "async engine and sessions"),
        ("aiosqlite", "SQLite driver (asyncio only)"),
        ("asyncpg", "PostgreSQL driver (asyncio only)"),
        ("pymongo", "MongoDB driver with `AsyncMongoClient`"),
        ("motor", "the older async MongoDB driver"),
        ("psycopg", "PostgreSQL driver for a sync engine"),
        ("sqlmodel", "SQLModel's models and async session"),
        ("tortoise-orm", "Tortoise ORM"),
        ("aerich", "Tortoise ORM's migrations"),
        ("alembic", "SQLAlchemy's migrations"),
    ],
    "Caches and job queues": [
        ("redis", "the Redis client, `redis.asyncio`"),
        ("fakeredis", "an in-process stand-in for a Redis server"),
        ("arq", "a job queue on Redis"),
    ],
    "The site": [
        ("mkdocs", "builds this site"),
        ("mkdocs-material", "its theme"),
        ("pymdown-extensions", "code snippets, tabs and annotations"),
    ],
}


def installed(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def versions_table() -> str:
    python = f"{platform.python_version()} ({platform.python_implementation()})"
    lines = [f"Python: **{python}**"]
    missing = []
    for group, packages in PACKAGES.items():
        lines += ["", f"## {group}", "", "| Package | Version | Used for |"]
        lines.append("| --- | --- | --- |")
        for distribution, purpose in packages:
            found = installed(distribution)
            if found is None:
                missing.append(distribution)
                found = "not installed"
            lines.append(f"| {distribution} | {found} | {purpose} |")
    if missing:
        # A warning fails `mkdocs build --strict`: a site built without the test
        # dependencies would publish a table the suite never ran with.
        log.warning(
            "The versions page lists packages that are not installed: %s. "
            "Build the site in the test environment (requirements/test.txt).",
            ", ".join(missing),
        )
    return "\n".join(lines)


def matrix_table(sessions: dict[str, dict]) -> str:
    """Two tables narrow enough for a laptop's screen: one row per session with its
    outcome (what each installs is listed above the tables, on the page), then one
    row per package with the version each session installed.
    A session passed only if its record says so."""
    entries = list(sessions.values())

    def result(outcome: object) -> str:
        return f"**{outcome}**" if outcome in {"passed", "failed"} else "not run"

    def tests(entry: dict) -> str:
        counts = entry.get("tests") or {}
        shown = [f"{counts[k]} {k}" for k in ("passed", "failed", "errors", "skipped")
                 if counts.get(k)]  # fmt: skip
        return ", ".join(shown) or "-"

    def cell(value: object) -> str:
        return "-" if value in (None, "", {}) else str(value)

    lines = [
        "| Session | Result | Python | Tests | Wall time (s) | Finished (UTC) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, entry in sessions.items():
        finished = cell(entry.get("finished")).replace("T", " ")
        lines.append(
            f"| `{name}` | {result(entry.get('result'))} | {cell(entry.get('python'))}"
            f" | {tests(entry)}"
            f" | {cell(entry.get('wall_time_s'))} | {finished} |"
        )
    names = sorted({name for e in entries for name in e.get("packages", {})})
    lines += [
        "",
        "| Package | " + " | ".join(f"`{name}`" for name in sessions) + " |",
        "| --- |" + " --- |" * len(sessions),
        *(
            f"| {package} | "
            + " | ".join(cell(e.get("packages", {}).get(package)) for e in entries)
            + " |"
            for package in names
        ),
    ]
    return "\n".join(lines)


def fill(markdown: str, start: str, end: str, content: str) -> str:
    region = re.compile(re.escape(start) + ".*?" + re.escape(end), re.DOTALL)
    if not region.search(markdown):
        log.warning("%s has no %s ... %s region to fill in.", PAGE, start, end)
        return markdown
    return region.sub(lambda _: content, markdown, count=1)


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if page.file.src_uri != PAGE:
        return markdown
    markdown = fill(markdown, START, END, versions_table())
    if not MATRIX.is_file():
        log.warning("%s is missing: run `nox` to record the matrix.", MATRIX.name)
        return markdown
    sessions = json.loads(MATRIX.read_text())["sessions"]
    return fill(markdown, MATRIX_START, MATRIX_END, matrix_table(sessions))
