"""Every example folder runs on its own, as a reader copies it.

Each `docs_src/<page>/<example>/` is copied into an empty folder and run by
pytester in-process: no top-level conftest.py, no pyproject.toml settings, and
only the plugins named here (AnyIO's; pytest-asyncio's, strict, for its pages).
PostgreSQL and Redis examples get POSTGRESQL_TEST_URL and REDIS_TEST_URL from the
harness, as from a reader's shell; the Redis copies use databases 8 and up, so
that they never empty a database that a run of docs_src beside them is using.
tests/test_examples_alone.py runs this module in a fresh process.
"""

from __future__ import annotations

import importlib
import os
import shutil
from urllib.parse import urlsplit

import pytest

from .snippets import ROOT

# pytester forgets the modules each in-process run imported: a library imported
# anew by every run would exist twice, and its classes would no longer match.
for library in (
    "aiosqlite anyio._backends._asyncio anyio._backends._trio arq arq.connections "
    "arq.jobs arq.worker asgi_lifespan asgi_lifespan._concurrency.asyncio "
    "asgi_lifespan._concurrency.trio asyncpg fakeredis fastapi fastapi.testclient "
    "httpcore httpcore2 httpx httpx2 redis.asyncio sqlalchemy.ext.asyncio "
    "sqlalchemy.orm "
    "sqlalchemy.dialects.postgresql.asyncpg sqlalchemy.dialects.sqlite.aiosqlite "
    "sniffio trio"
).split():
    importlib.import_module(library)

# A package per example; the capstone project is a folder with its own pyproject.toml.
FOLDERS = sorted(
    path.parent
    for pattern in ("*/*/__init__.py", "*/*/pyproject.toml")
    for path in (ROOT / "docs_src").glob(pattern)
)


# The variables that name a server. A folder that reads one runs twice: with the
# harness's server, where nothing may skip, and without it, where it must still pass
# and every skip must give a reason that names the variable.
SERVERS = ("POSTGRESQL_TEST_URL", "REDIS_TEST_URL")
CASES = [
    pytest.param(folder, server, id=f"{folder.relative_to(ROOT).as_posix()}{suffix}")
    for folder in FOLDERS
    for server, suffix in (
        [(True, ""), (False, "-without-servers")]
        if any(
            name in path.read_text(encoding="utf-8")
            for path in folder.glob("**/*.py")
            for name in SERVERS
        )
        else [(True, "")]
    )
]


@pytest.mark.parametrize(("folder", "with_servers"), CASES)
def test_example_folder_runs_alone(folder, with_servers, pytester, monkeypatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    if not with_servers:
        for name in SERVERS:
            monkeypatch.delenv(name, raising=False)
    elif redis := os.environ.get("REDIS_TEST_URL"):
        monkeypatch.setenv(
            "REDIS_TEST_URL", urlsplit(redis)._replace(path="/8").geturl()
        )
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(folder, pytester.path / folder.name, ignore=ignore)
    result = pytester.runpytest(
        "-p", "anyio", "-p", "pytest_asyncio.plugin", "-p", "no:cacheprovider",
        "-o", "asyncio_default_fixture_loop_scope=function", "-rs", folder.name,
    )  # fmt: skip
    outcomes = result.parseoutcomes()
    error = next((line for line in result.outlines if line.startswith("E ")), "")
    where = f"{folder.relative_to(ROOT)}: copied alone, pytest gave {outcomes}"
    assert result.ret == 0, f"{where}; first error: {error}"
    skips = [line for line in result.outlines if line.startswith("SKIPPED")]
    if with_servers:
        assert outcomes.get("passed"), f"{where}: no test passed"
        assert not skips, f"{where}: skipped with the servers running: {skips[0]}"
    else:
        odd = [line for line in skips if not any(f"set {n}" in line for n in SERVERS)]
        assert not odd, f"{where}: a skip names no server variable: {odd[0]}"
