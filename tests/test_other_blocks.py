"""Code blocks in pages that are not Python are checked too.

- `console`: every line is a `$ command` (recorded output lives in
  `docs_src/**/*.output.txt`, checked by test_outputs.py). Each command is one
  the reader can run with this guide's tested packages: `pip install` names only
  pinned packages or an existing requirements file, `python3 dev.py` only a real
  subcommand, and `pytest` and `mkdocs` only paths that exist.
- `toml` and `ini`, written or included: parse, and pytest accepts every option
  in `[tool.pytest.ini_options]` or `[pytest]` (it runs, through pytester, with
  `--strict-config`, which rejects unknown ones); a `[tool.coverage]` block must
  load in coverage.py.
- `diff`: both sides parse as Python.
Blocks that only include files are checked by test_includes.py.
"""

from __future__ import annotations

import ast
import re
import shlex
import textwrap
import tomllib
from pathlib import Path

import coverage
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .snippets import Block, expand, fenced_blocks
from .test_requirements import pins

ROOT = Path(__file__).resolve().parent.parent
DEV_COMMANDS = {"serve", "test"}


def where(page: Path, block: Block, offset: int = 0) -> str:
    return f"{page.relative_to(ROOT).as_posix()}:{block.line + offset}"


def blocks(language: str) -> list:
    """The page's own blocks; settings files (toml, ini) also when included."""
    return [
        pytest.param(page, block, id=where(page, block))
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for block in fenced_blocks(page)
        if block.language == language
        and (language in {"toml", "ini"} or not block.is_include)
    ]


def command_problem(args: list[str]) -> str | None:
    """Why a reader could not run this command as written, or None."""
    while args and re.fullmatch(r"[A-Z_]+=\S+", args[0]):
        args = args[1:]  # a variable set for this command only
    program, *rest = args
    if program == "pip" and rest[:1] == ["install"]:
        tested = pins(ROOT / "requirements" / "test.txt")
        options = [arg for arg in rest[1:] if arg.startswith("-")]
        if options and options != ["-r"]:
            return f"unexpected pip options {options}"
        if options:
            target = rest[rest.index("-r") + 1]
            return None if (ROOT / target).is_file() else f"no file {target}"
        untested = [
            name
            for name in rest[1:]
            if canonicalize_name(Requirement(name).name) not in tested
        ]
        return f"not pinned in requirements/: {untested}" if untested else None
    if program == "python3" and rest[:1] == ["dev.py"]:
        return (
            None if rest[1:2] and rest[1] in DEV_COMMANDS else "no such dev.py command"
        )
    if program in {"pytest", "mkdocs"}:
        paths = [arg for arg in rest if not arg.startswith("-") and "/" in arg]
        missing = [path for path in paths if not (ROOT / path).exists()]
        return f"no such path {missing}" if missing else None
    return f"`{program}` is not a command this guide tests"


@pytest.mark.parametrize(("page", "block"), blocks("console"))
def test_console_commands_can_be_run(page: Path, block: Block) -> None:
    problems = []
    for offset, line in enumerate(block.body, start=1):
        if not line.strip():
            continue
        if not line.startswith("$ "):
            problems.append(f"{where(page, block, offset)}: not a `$ command` line")
        elif problem := command_problem(shlex.split(line[2:])):
            problems.append(f"{where(page, block, offset)}: {problem}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("page", "block"), blocks("toml") + blocks("ini"))
def test_pytest_settings_are_accepted_by_pytest(
    page: Path, block: Block, sealed: pytest.Pytester
) -> None:
    text = "\n".join(expand(block.body) if block.is_include else block.body)
    if block.language == "toml":
        try:
            settings = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            pytest.fail(f"{where(page, block)}: {error}", pytrace=False)
        tools = settings.get("tool", {})
        if "coverage" in tools and "pytest" not in tools:
            path = sealed.makepyprojecttoml(text)
            coverage.Coverage(config_file=str(path)).get_option("run:source")
            return
        assert "pytest" in tools, f"{where(page, block)}: neither pytest nor coverage"
        sealed.makepyprojecttoml(text)
    else:
        assert text.startswith("[pytest]"), f"{where(page, block)}: not pytest.ini"
        sealed.makeini(text)
    sealed.makepyfile("def test_nothing():\n    pass\n")
    result = sealed.runpytest("--strict-config")
    assert result.ret == 0, f"{where(page, block)}:\n{result.stdout.str()}"


@pytest.mark.parametrize(("page", "block"), blocks("diff"))
def test_diff_sides_are_python(page: Path, block: Block) -> None:
    for marker in "-+":
        side = [line[1:] for line in block.body if line[:1] in (marker, " ")]
        # Wrapped in a coroutine, so that `await` and `async with` may appear.
        source = "async def _():\n" + textwrap.indent("\n".join(side), "    ")
        try:
            ast.parse(source)
        except SyntaxError as error:
            pytest.fail(
                f"{where(page, block)}: the {marker} side: {error}", pytrace=False
            )
