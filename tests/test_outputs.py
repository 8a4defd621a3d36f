"""Command output shown on a page comes from a real run and is re-checked.

Each `docs_src/**/*.output.txt` starts with `$ <command>`, run from the
repository root, followed by what that command printed. The test runs the
command again and compares line by line. pytest's header lines (platform,
rootdir, plugins) are not shown on pages, and timings are ignored.
`pytest tests/test_outputs.py --update-outputs` rewrites the files from a run.
"""

from __future__ import annotations

import re
import shlex
import sys
from itertools import zip_longest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = sorted((ROOT / "docs_src").rglob("*.output.txt"))


def run(sealed: pytest.Pytester, command: str) -> tuple[int, list[str]]:
    """The command's exit status and its output lines, without pytest's header."""
    args = shlex.split(command)
    if args[0] == "pytest":
        args = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args[1:]]
    # A separate process: the command is what a reader types in a terminal.
    result = sealed.run(*args, timeout=300)
    lines = result.outlines
    if "test session starts" in (lines[0] if lines else ""):
        # Drop the header, which names this machine's paths and versions.
        collected = next(i for i, line in enumerate(lines) if "collect" in line)
        lines = lines[:1] + lines[collected:]
    return result.ret, lines


def comparable(line: str | None) -> str | None:
    if line is None:
        return None
    line = re.sub(r"\bin \d+(\.\d+)?s\b", "in <time>", line)
    return re.sub(r"={2,}", "==", line).rstrip()


@pytest.mark.parametrize("path", OUTPUTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_shown_output_matches_a_fresh_run(
    path: Path,
    request: pytest.FixtureRequest,
    sealed: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    command, *shown = path.read_text(encoding="utf-8").splitlines()
    assert command.startswith("$ "), f"{path}:1: the first line must be `$ command`"
    monkeypatch.chdir(ROOT)  # commands run from the repository root
    returncode, actual = run(sealed, command[2:])
    name = path.relative_to(ROOT).as_posix()
    if request.config.getoption("update_outputs"):
        # Never record the output of a failed run as what the page shows.
        assert returncode == 0, (
            f"{name}: `{command[2:]}` exited with status {returncode}:\n"
            + "\n".join(actual)
        )
        path.write_text("\n".join([command, *actual]) + "\n", encoding="utf-8")
        return
    pairs = zip_longest(shown, actual)
    for number, (want, got) in enumerate(pairs, start=2):
        assert comparable(want) == comparable(got), (
            f"{name}:{number}: the page shows {want!r} but a fresh run of "
            f"`{command[2:]}` prints {got!r}; "
            "run `pytest tests/test_outputs.py --update-outputs`"
        )
