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

# (distribution name on the package index, what the guide uses it for)
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
    ],
    "Database drivers": [
        ("sqlalchemy", "async engine and sessions"),
        ("aiosqlite", "SQLite driver (asyncio only)"),
        ("asyncpg", "PostgreSQL driver (asyncio only)"),
        ("pymongo", "MongoDB driver with `AsyncMongoClient`"),
        ("motor", "the older async MongoDB driver"),
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
    """One column per session; a session passed only if its record says so."""
    entries = list(sessions.values())

    def row(label: str, *path: str, show=str) -> str:
        cells = []
        for entry in entries:
            for key in path:
                entry = entry.get(key) if isinstance(entry, dict) else None
            cells.append("-" if entry in (None, "", {}) else show(entry))
        return f"| {label} | " + " | ".join(cells) + " |"

    def result(outcome: object) -> str:
        return f"**{outcome}**" if outcome in {"passed", "failed"} else "not run"

    lines = [
        "| Session | " + " | ".join(f"`{name}`" for name in sessions) + " |",
        "| --- |" + " --- |" * len(sessions),
        "| Result | " + " | ".join(result(e.get("result")) for e in entries) + " |",
        row("Finished (UTC)", "finished", show=lambda at: at.replace("T", " ")),
        row("Wall time of tests and build (s)", "wall_time_s"),
        *(row(f"Tests {outcome}", "tests", outcome)
          for outcome in ("passed", "failed", "errors", "skipped")),
        row("Installs", "installs"),
        row("Python", "python"),
    ]  # fmt: skip
    names = sorted({name for e in entries for name in e.get("packages", {})})
    return "\n".join(lines + [row(name, "packages", name) for name in names])


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
