"""Code blocks in pages that are not Python are checked too.

- `console`: every line is a `$ command` a reader can run with this guide's tested
  packages: `pip install` names pinned packages or an existing requirements file,
  `python3 dev.py` a real subcommand, `pytest` and `mkdocs` existing paths.
  (Recorded output lives in docs_src/**/*.output.txt: test_outputs.py.)
- `toml` and `ini`, written or included: pytest accepts them with
  `--strict-config`, which rejects unknown options. A block that sets none of
  pytest-asyncio's `asyncio_` options is checked with AnyIO's plugin alone, as
  in a suite without pytest-asyncio. A `[tool.coverage]` block loads in
  coverage.py.
- `diff`: both sides parse as Python.
"""

from __future__ import annotations

import ast
import re
import shlex
import textwrap
import tomllib

import coverage
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from hooks.versions import PACKAGES

from .snippets import ROOT, Block, every_block
from .test_requirements import pins

LISTED = {name for group in PACKAGES.values() for name, _ in group}


def command_problem(program: str, *rest: str) -> str | None:
    """Why a reader could not run this command as written, or None."""
    if re.fullmatch(r"[A-Z_]+=\S+", program):  # a variable for this command only
        return command_problem(*rest)
    if (program, *rest[:1]) == ("pip", "install"):
        if rest[1:2] == ("-r",) and len(rest) == 3:
            return None if (ROOT / rest[2]).is_file() else f"no file {rest[2]}"
        if options := [arg for arg in rest[1:] if arg.startswith("-")]:
            return f"unexpected pip options {options}"
        tested = pins(ROOT / "requirements" / "test.txt")
        names = [canonicalize_name(Requirement(name).name) for name in rest[1:]]
        untested = [name for name in names if name not in tested]
        if untested:
            return f"not pinned in requirements/: {untested}"
        unlisted = [name for name in names if name not in LISTED]
        if unlisted:
            return f"not on the versions page (hooks/versions.py): {unlisted}"
        return None
    if (program, *rest[:1]) == ("python3", "dev.py"):
        return (
            None if rest[1:2] in (("serve",), ("test",)) else "no such dev.py command"
        )
    if program in {"pytest", "mkdocs"}:
        paths = [arg for arg in rest if "/" in arg and not arg.startswith("-")]
        missing = [path for path in paths if not (ROOT / path).exists()]
        return f"no such path {missing}" if missing else None
    return f"`{program}` is not a command this guide tests"


@pytest.mark.parametrize(
    "block", [b for b in every_block("console") if not b.is_include], ids=Block.where
)
def test_console_commands_can_be_run(block: Block) -> None:
    problems = []
    for offset, line in enumerate(block.body, start=1):
        if line.strip() and not line.startswith("$ "):
            problems.append(f"{block.where(offset)}: not a `$ command` line")
        elif line.strip() and (problem := command_problem(*shlex.split(line[2:]))):
            problems.append(f"{block.where(offset)}: {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("block", every_block("toml", "ini"), ids=Block.where)
def test_settings_are_accepted(
    block: Block, sealed: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "\n".join(block.shown())
    if not re.search(r"^\s*asyncio_", text, re.MULTILINE):
        monkeypatch.setenv("PYTEST_ADDOPTS", "-p anyio")
    if block.language == "ini":
        assert text.startswith("[pytest]"), f"{block.where()}: not pytest.ini"
        sealed.makeini(text)
    else:
        try:
            tools = tomllib.loads(text).get("tool", {})
        except tomllib.TOMLDecodeError as error:
            pytest.fail(f"{block.where()}: {error}", pytrace=False)
        path = sealed.makepyprojecttoml(text)
        if "pytest" not in tools:
            assert "coverage" in tools, f"{block.where()}: neither pytest nor coverage"
            coverage.Coverage(config_file=str(path)).get_option("run:source")
            return
    sealed.makepyfile("def test_nothing():\n    pass\n")
    result = sealed.runpytest("--strict-config")
    assert result.ret == 0, f"{block.where()}:\n{result.stdout.str()}"


@pytest.mark.parametrize("block", every_block("diff"), ids=Block.where)
def test_diff_sides_are_python(block: Block) -> None:
    for marker in "-+":
        side = [line[1:] for line in block.body if line[:1] in (marker, " ")]
        # Inside a coroutine, so that `await` and `async with` may appear.
        try:
            ast.parse("async def _():\n" + textwrap.indent("\n".join(side), "    "))
        except SyntaxError as error:
            pytest.fail(f"{block.where()}: the {marker} side: {error}", pytrace=False)
