"""A throwaway Redis server for the examples that need one (a pytest plugin).

The examples read a Redis URL from `REDIS_TEST_URL`, use a database number of
their own on it, and skip without it. Once per session, when a collected example
folder mentions the variable and it is not set, this plugin runs Debian's
`redis-server` (from PATH, else /usr/bin/redis-server) on 127.0.0.1 and a free
port, with no persistence (`--save ""`, `--appendonly no`) and a temporary
working folder, stopped and deleted at the end. Nothing found: the examples skip,
saying how to enable them, except under CI, where the run stops. The summary
reports the start-up time. The rules shared with PostgreSQL are in services.py.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from .services import free_port, start_if_needed, summarize

ENV_VAR = "REDIS_TEST_URL"
HOW_TO_ENABLE = (
    "install Redis (Debian: apt-get install redis-server; redis-server on PATH or "
    f"at /usr/bin/redis-server), or set {ENV_VAR} to the URL of a server whose "
    "databases the tests may empty, e.g. redis://127.0.0.1:6379/0"
)
SERVER: dict[str, object] = {}


def answers(port: int) -> bool:
    """Whether a Redis server on `port` answers PING."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def start() -> str:
    """Start a server; return its URL (RuntimeError says why it could not)."""
    found = shutil.which("redis-server") or shutil.which(
        "redis-server", path="/usr/bin"
    )
    if found is None:
        raise RuntimeError("no redis-server on PATH or at /usr/bin/redis-server")
    root, port = Path(tempfile.mkdtemp()), free_port()
    options = f"--bind 127.0.0.1 --port {port} --appendonly no".split()
    command = [found, *options, "--save", "", "--dir", root, "--logfile", root / "log"]
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    except OSError as error:
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"{found} did not start ({error})") from None
    SERVER.update(root=root, process=process)
    deadline = time.monotonic() + 10
    while not answers(port):
        if process.poll() is not None or time.monotonic() > deadline:
            log = (root / "log").read_text(errors="replace")[-2000:]
            stop_servers()
            raise RuntimeError(f"{found} did not answer on port {port}: {log}")
        time.sleep(0.02)
    return f"redis://127.0.0.1:{port}/0"


def pytest_collection_finish(session: pytest.Session) -> None:
    start_if_needed(
        session, ENV_VAR, SERVER, start,
        name="Redis", how_to_enable=HOW_TO_ENABLE, plugin=__file__,
    )  # fmt: skip


def stop_servers() -> None:
    """Stop the server start() started (the plugin does it at the session's end)."""
    if "process" in SERVER:
        process = SERVER.pop("process")
        os.environ.pop(ENV_VAR, None)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(SERVER.pop("root"), ignore_errors=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    stop_servers()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    summarize(terminalreporter, SERVER, "Redis")
