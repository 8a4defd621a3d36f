"""Every ```python block written in a page is linted and run by pytest-examples.

- Lint: ruff (with the project's pyproject.toml settings) and black's formatting,
  the same style as `ruff format` gives docs_src.
- Run: the block is executed as a module; an exception fails the test with the
  page and line where the block raised.
- A block that only includes files (`--8<--` lines) is not run here: the included
  files are tests themselves (`pytest docs_src`) and test_includes.py checks that
  each include resolves. Mixing includes and code in one block is an error.
- A block opts out only through its fence, with a reason that a reader of the
  Markdown can see: ```{.python test="skip" reason="..."} (or lint="skip").
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

ROOT = Path(__file__).resolve().parent.parent
INCLUDE_PREFIX = "--8<--"


def location(example: CodeExample, line: int | None = None) -> str:
    path = example.path.relative_to(ROOT).as_posix()
    return f"{path}:{example.start_line if line is None else line}"


def is_include_block(example: CodeExample) -> bool:
    lines = [line.strip() for line in example.source.splitlines() if line.strip()]
    includes = [line.startswith(INCLUDE_PREFIX) for line in lines]
    if any(includes) and not all(includes):
        return False  # test_code_block reports the mix
    return bool(lines) and all(includes)


EXAMPLES = [
    example for example in find_examples(ROOT / "docs") if not is_include_block(example)
]


def skipped(example: CodeExample, step: str) -> bool:
    settings = example.prefix_settings()
    if settings.get(step) != "skip":
        return False
    if not settings.get("reason"):
        pytest.fail(
            f'{location(example)}: {step}="skip" needs reason="..." in the fence',
            pytrace=False,
        )
    return True


def raising_line(error: BaseException, example: CodeExample) -> int:
    # pytest-examples rewrites the traceback so that its frames carry page lines.
    line = example.start_line
    traceback = error.__traceback__
    while traceback is not None:
        line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line


def run(example: CodeExample, eval_example: EvalExample) -> None:
    main = sys.modules["__main__"]  # pytest-examples runs each block as __main__
    failure = None
    try:
        eval_example.run(example)
    except Exception as error:
        line = raising_line(error, example)
        failure = f"{location(example, line)}: {type(error).__name__}: {error}"
    finally:
        sys.modules["__main__"] = main
    if failure:
        # Raised outside the `except`, so the example's rewritten traceback is not
        # chained: on CPython 3.11 pytest cannot render it and would stop with an
        # INTERNALERROR ("generator raised StopIteration") instead of a failure.
        pytest.fail(failure, pytrace=False)


def lint(example: CodeExample, eval_example: EvalExample) -> None:
    problem = None
    try:
        eval_example.lint(example)
    except pytest.fail.Exception as failure:
        problem = str(failure)
    if problem:
        pytest.fail(f"{location(example)}: {problem}", pytrace=False)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_code_block(example: CodeExample, eval_example: EvalExample) -> None:
    if any(
        line.strip().startswith(INCLUDE_PREFIX) for line in example.source.splitlines()
    ):
        pytest.fail(
            f"{location(example)}: a block holds either includes or code, not both",
            pytrace=False,
        )
    eval_example.set_config(line_length=88, quotes="double", target_version="py310")
    if not skipped(example, "lint"):
        lint(example, eval_example)
    if not skipped(example, "test"):
        run(example, eval_example)
