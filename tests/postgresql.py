"""A throwaway PostgreSQL server for the examples that need one (a pytest plugin).

Registered by the top-level conftest.py. The examples read the server's address
from `POSTGRESQL_TEST_URL` (an SQLAlchemy URL) and create and drop a database of
their own on it; without the variable they skip. This plugin sets the variable for
the suite's own runs, once per session and only when a collected example folder
mentions it:

1. `POSTGRESQL_TEST_URL` already set: that server is used as it is.
2. PostgreSQL's own programs: `pg_ctl` on PATH, else the newest
   `/usr/lib/postgresql/*/bin` (Debian and Ubuntu packages). A fresh cluster is
   created in a temporary directory, listens on 127.0.0.1 and a free port, trusts
   local connections, and is stopped and deleted when the session ends. PostgreSQL
   refuses to run as root, so as root the cluster belongs to the `postgres` user.
3. Nothing found: the variable stays unset and the examples skip, each saying how
   to set it. Under CI=true the run stops instead: CI must never skip them.

The terminal summary reports how long starting the server took.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import NoReturn

import pytest

from .ci import under_ci

ENV_VAR = "POSTGRESQL_TEST_URL"
HOW_TO_ENABLE = (
    "install PostgreSQL (so that pg_ctl and initdb are on PATH or in "
    f"/usr/lib/postgresql/*/bin), or set {ENV_VAR} to the URL of a server you "
    "may write to, e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)

_startup: dict[str, float] = {}
_problems: list[str] = []


class Unavailable(Exception):
    """No PostgreSQL server could be started."""


def unavailable(reason: str) -> NoReturn:
    raise Unavailable(
        f"PostgreSQL is not available: {reason}. To run these tests, {HOW_TO_ENABLE}."
    )


def find_bindir() -> Path | None:
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl is not None:
        return Path(pg_ctl).resolve().parent
    found = glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")

    def major(path: str) -> int:
        match = re.search(r"/postgresql/(\d+)/", path)
        return int(match.group(1)) if match else 0

    return Path(max(found, key=major)).parent if found else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """initdb + pg_ctl in a temporary directory, as `postgres` when run as root."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="pytest-postgresql-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = free_port()
        self.prefix: list[str] = []
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            import pwd

            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(self.root)
                unavailable(
                    "running as root, and there is no 'postgres' user to run it"
                )
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]

    def run(self, program: str, *args: str) -> None:
        command = [*self.prefix, str(self.bindir / program), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(
                f"{shlex.join(command)} failed:\n{result.stdout}{result.stderr}{log}"
            )

    def start(self) -> None:
        started = time.perf_counter()
        self.run(
            "initdb",
            f"--pgdata={self.data}",
            "--username=postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )
        initialised = time.perf_counter()
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={self.port}",
            f"-c unix_socket_directories={shlex.quote(str(self.root))}",
            # Throwaway data: no need to survive a crash.
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
        ]
        self.run(
            "pg_ctl", "start", "--wait", "--timeout=30",
            f"--pgdata={self.data}", f"--log={self.log}", "-o", " ".join(options),
        )  # fmt: skip
        _startup["initdb"] = initialised - started
        _startup["start"] = time.perf_counter() - initialised

    def stop(self) -> None:
        try:
            started = time.perf_counter()
            self.run(
                "pg_ctl", "stop", "--wait", "--mode=immediate", f"--pgdata={self.data}"
            )
            _startup["stop"] = time.perf_counter() - started
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"


_cluster: list[Cluster] = []


def start_server() -> str:
    bindir = find_bindir()
    if bindir is None:
        unavailable("no pg_ctl on PATH or in /usr/lib/postgresql/*/bin")
    cluster = Cluster(bindir)
    try:
        cluster.start()
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as error:
        shutil.rmtree(cluster.root, ignore_errors=True)
        unavailable(f"the server in {bindir} did not start ({error})")
    _cluster.append(cluster)
    return cluster.url


def needs_postgresql(folders: set[Path]) -> bool:
    this_plugin = Path(__file__).resolve()
    return any(
        ENV_VAR in path.read_text(encoding="utf-8")
        for folder in folders
        for path in folder.rglob("*.py")
        if path.resolve() != this_plugin
    )


def pytest_collection_finish(session: pytest.Session) -> None:
    if os.environ.get(ENV_VAR) or _cluster:
        return
    if not needs_postgresql({item.path.parent for item in session.items}):
        return
    try:
        os.environ[ENV_VAR] = start_server()
    except Unavailable as error:
        if under_ci():
            raise pytest.UsageError(
                f"{error} (CI=true: missing PostgreSQL is a failure)"
            ) from None
        _problems.append(str(error))


def stop_servers() -> None:
    """Stop every server start_server() started (the plugin does it at the end)."""
    while _cluster:
        os.environ.pop(ENV_VAR, None)
        _cluster.pop().stop()


def pytest_sessionfinish(session: pytest.Session) -> None:
    stop_servers()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for problem in _problems:
        terminalreporter.write_line(problem)
    if "start" in _startup:
        terminalreporter.write_line(
            f"PostgreSQL: initdb {_startup['initdb']:.2f} s, "
            f"start {_startup['start']:.2f} s, "
            f"stop {_startup.get('stop', 0):.2f} s"
        )
