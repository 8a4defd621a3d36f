"""A throwaway PostgreSQL server for the examples that need one (a pytest plugin).

The examples read a server's address from `POSTGRESQL_TEST_URL`, in libpq's form
(`postgresql://user@host:port/database`; each derives what its driver needs), create
and drop a database of their own on it, and skip without it. Once per session, when a
collected example folder mentions the variable and it is not set, this plugin
runs `initdb` and `pg_ctl` (from PATH, else the newest /usr/lib/postgresql/*/bin)
in a temporary folder: a server on 127.0.0.1 and a free port, trusting local
connections, deleted at the end (run as `postgres` when we are root, since
PostgreSQL refuses root). Nothing found: the examples skip, saying how to enable
them, except under CI, where the run stops. The summary reports the start-up time.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from .services import free_port, start_if_needed, summarize

ENV_VAR = "POSTGRESQL_TEST_URL"
HOW_TO_ENABLE = (
    "install PostgreSQL (pg_ctl and initdb on PATH or in /usr/lib/postgresql/*/bin), "
    f"or set {ENV_VAR} to the URL of a server you may write to, e.g. "
    "postgresql://postgres@127.0.0.1:5432/postgres"
)
SERVER: dict[str, object] = {}


def run(*command: str | Path) -> None:
    if os.geteuid() == 0:
        command = ("runuser", "-u", "postgres", "--", *command)
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=60)


def start() -> str:
    """Start a server; return its URL (RuntimeError says why it could not)."""
    found = shutil.which("pg_ctl") or max(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda path: int(re.search(r"/(\d+)/bin", path)[1]),
        default=None,
    )
    if found is None:
        raise RuntimeError("no pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    bindir, root = Path(found).resolve().parent, Path(tempfile.mkdtemp())
    port = free_port()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    SERVER.update(root=root, bindir=bindir)
    try:
        run(bindir / "initdb", f"--pgdata={root}/data", "--username=postgres",
            "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync")  # fmt: skip
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={port} "
            f"-c unix_socket_directories={root} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        run(bindir / "pg_ctl", "start", "--wait", f"--pgdata={root}/data",
            f"--log={root}/log", "-o", options)  # fmt: skip
    except (OSError, LookupError, subprocess.SubprocessError) as error:
        output = getattr(error, "stderr", "") or ""
        shutil.rmtree(root, ignore_errors=True)
        SERVER.clear()
        raise RuntimeError(
            f"the server in {bindir} did not start ({error}) {output}"
        ) from None
    return f"postgresql://postgres@127.0.0.1:{port}/postgres"


def pytest_collection_finish(session: pytest.Session) -> None:
    start_if_needed(
        session, ENV_VAR, SERVER, start,
        name="PostgreSQL", how_to_enable=HOW_TO_ENABLE, plugin=__file__,
    )  # fmt: skip


def stop_servers() -> None:
    """Stop the server start() started (the plugin does it at the session's end)."""
    if "root" in SERVER:
        os.environ.pop(ENV_VAR, None)
        try:
            run(SERVER["bindir"] / "pg_ctl", "stop", "--mode=immediate",
                f"--pgdata={SERVER['root']}/data")  # fmt: skip
        finally:
            shutil.rmtree(SERVER.pop("root"), ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    stop_servers()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    summarize(terminalreporter, SERVER, "PostgreSQL")
