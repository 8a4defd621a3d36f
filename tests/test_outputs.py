"""Command output shown on a page comes from a real run and is re-checked.

Each `docs_src/**/*.output.txt` is `$ <command>` and what it printed. A command
that names a path under `docs_src/` runs from the repository root; any other runs
in a copy of the example's folder alone, as in the folder a reader copied it into.
A fresh run must print the same lines, but for pytest's header (platform, rootdir,
plugins) and timings. `--update-outputs` rewrites them.
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from itertools import zip_longest
from pathlib import Path

import pytest

from .snippets import ROOT


def comparable(line: str | None) -> str | None:
    line = line and re.sub(r"\bin \d+(\.\d+)?s\b", "in <time>", line)
    return line and re.sub(r"={2,}", "==", line).rstrip()


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "docs_src").rglob("*.output.txt")),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_shown_output_matches_a_fresh_run(
    path: Path, request, sealed: pytest.Pytester, monkeypatch
) -> None:
    name = path.relative_to(ROOT).as_posix()
    command, *shown = path.read_text(encoding="utf-8").splitlines()
    assert command.startswith("$ "), f"{name}:1: the first line must be `$ command`"
    args = shlex.split(command[2:])
    if args[0] == "pytest":
        args = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args[1:]]
    if "docs_src/" in command:
        monkeypatch.chdir(ROOT)
    else:  # the reader's own folder: the example's files and nothing else
        folder = sealed.path / path.parent.name
        ignore = shutil.ignore_patterns("__pycache__", "*.output.txt")
        shutil.copytree(path.parent, folder, ignore=ignore)
        monkeypatch.chdir(folder)
    # A separate process: the command is what a reader types in a terminal.
    result = sealed.run(*args, timeout=300)
    actual = result.outlines
    if actual and "test session starts" in actual[0]:  # this machine's header
        actual = (
            actual[:1]
            + actual[next(i for i, s in enumerate(actual) if "collect" in s) :]
        )
    if request.config.getoption("update_outputs"):
        # Never record the output of a failed run as what the page shows.
        assert result.ret == 0, f"{name}: `{command}` failed:\n" + "\n".join(actual)
        path.write_text("\n".join([command, *actual]) + "\n", encoding="utf-8")
        return
    for number, (want, got) in enumerate(zip_longest(shown, actual), start=2):
        assert comparable(want) == comparable(got), (
            f"{name}:{number}: the page shows {want!r} but a fresh run of `{command}` "
            f"prints {got!r}; run `pytest tests/test_outputs.py --update-outputs`"
        )
