"""Every example folder runs on its own, as a reader copies it.

Each folder `docs_src/<page>/<example>/` is copied into an empty directory outside
the repository and run there by pytest, in-process through `pytester`. The run sees
none of the harness: not the top-level conftest.py, not pyproject.toml's settings,
and, since plugin autoloading is off, only the plugins named here (AnyIO's, and
pytest-asyncio's for the pages about it, in strict mode). PostgreSQL examples get
`POSTGRESQL_TEST_URL` from the harness, as a reader's shell would give it. A folder
that fails names itself and its first error.

tests/test_examples_alone.py runs this module in a fresh process.
"""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

# pytester forgets, after each in-process run, the modules that the run imported.
# A library imported anew by every run would exist twice in one process, and its
# classes would no longer match, so the libraries the examples use are imported once
# here, before any run.
for library in [
    "aiosqlite",
    "anyio._backends._asyncio",
    "anyio._backends._trio",
    "asgi_lifespan",
    "asgi_lifespan._concurrency.asyncio",
    "asgi_lifespan._concurrency.trio",
    "asyncpg",
    "fastapi",
    "fastapi.testclient",
    "httpx",
    "httpx2",
    "sqlalchemy.ext.asyncio",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.postgresql.asyncpg",
    "sqlalchemy.dialects.sqlite.aiosqlite",
    "sniffio",
    "trio",
]:
    importlib.import_module(library)

ROOT = Path(__file__).resolve().parent.parent
# A package per example; the capstone project is a folder with its own pyproject.toml.
FOLDERS = sorted(
    path.parent
    for pattern in ("*/*/__init__.py", "*/*/pyproject.toml")
    for path in (ROOT / "docs_src").glob(pattern)
)
PLUGINS = ["-p", "anyio", "-p", "pytest_asyncio.plugin", "-p", "no:cacheprovider"]


@pytest.mark.parametrize(
    "folder", FOLDERS, ids=lambda path: path.relative_to(ROOT / "docs_src").as_posix()
)
def test_example_folder_runs_alone(
    folder: Path, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    copy = pytester.path / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
    result = pytester.runpytest(
        *PLUGINS, "-o", "asyncio_default_fixture_loop_scope=function", folder.name
    )
    outcomes = result.parseoutcomes()
    first_error = next(
        (line for line in result.outlines if line.startswith("E ")), "no E line"
    )
    where = f"{folder.relative_to(ROOT)}: copied alone, pytest gave {outcomes}"
    assert result.ret == 0, f"{where}; first error: {first_error}"
    assert outcomes.get("passed"), f"{where}: no test passed"
