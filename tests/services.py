"""What the suite's throwaway servers share (tests/postgresql.py, tests/redis.py).

Each plugin names its variable, says how to enable it, and knows how to start and
stop its server; the rules are here, once: start a server only when a collected
example folder mentions the variable and the variable is not set; without one,
skip with the reason (the examples do), except under CI, where the run stops;
report the start-up time in the terminal summary.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .ci import under_ci


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mentioned(session: pytest.Session, env_var: str, plugin: str) -> bool:
    """Whether a collected folder has a Python file naming `env_var` (not `plugin`)."""
    folders = {item.path.parent for item in session.items}
    return any(
        env_var in path.read_text(encoding="utf-8")
        for folder in folders
        for path in folder.glob("**/*.py")
        if path.resolve() != Path(plugin).resolve()
    )


def start_if_needed(
    session: pytest.Session,
    env_var: str,
    server: dict[str, object],
    start: Callable[[], str],
    *,
    name: str,
    how_to_enable: str,
    plugin: str,
) -> None:
    """Set `env_var` to the URL `start()` returns, if the collected examples need it."""
    if os.environ.get(env_var) or server or not mentioned(session, env_var, plugin):
        return
    started = time.perf_counter()
    try:
        os.environ[env_var] = start()
    except RuntimeError as error:
        problem = f"{name} is not available: {error}. To run these tests, "
        if under_ci():
            raise pytest.UsageError(f"{problem}{how_to_enable} (CI=true)") from None
        server["problem"] = problem + how_to_enable
    else:
        server["seconds"] = time.perf_counter() - started


def summarize(
    terminalreporter: pytest.TerminalReporter, server: dict[str, object], name: str
) -> None:
    """The terminal summary's line: why the server is missing, or its start-up time."""
    if "problem" in server:
        terminalreporter.write_line(server["problem"])
    if "seconds" in server:
        terminalreporter.write_line(f"{name}: started in {server['seconds']:.2f} s")
