"""Every ```python block written in a page is linted and run by pytest-examples.

Lint: ruff with pyproject.toml's settings, and black's formatting. Run: the block
is executed as a module; a failure names the page and the line that raised. A
block of includes only is not run here (its files are tests themselves), and
mixing includes and code in one block is an error. A block opts out only in its
fence, with a reason a reader can see: ```{.python test="skip" reason="..."}.
"""

from __future__ import annotations

import sys

import pytest
from pytest_examples import CodeExample, EvalExample

from .snippets import Block, every_block


@pytest.mark.parametrize(
    "block", [b for b in every_block("python") if not b.is_include], ids=Block.where
)
def test_code_block(block: Block, eval_example: EvalExample) -> None:
    if block.includes:
        pytest.fail(f"{block.where()}: a block holds either includes or code, not both")
    settings = block.settings
    for step in ("lint", "test"):
        if settings.get(step) == "skip" and not settings.get("reason"):
            pytest.fail(
                f'{block.where()}: {step}="skip" needs reason="..." in the fence'
            )
    example = CodeExample.create(
        "\n".join(block.body) + "\n", path=block.page, start_line=block.line
    )
    eval_example.set_config(line_length=88, quotes="double", target_version="py310")
    problem, main = None, sys.modules["__main__"]  # blocks run as __main__
    try:
        if settings.get("lint") != "skip":
            eval_example.lint(example)
        if settings.get("test") != "skip":
            eval_example.run(example)
    except pytest.fail.Exception as failure:
        problem = f"{block.where()}: {failure}"
    except Exception as error:
        # pytest-examples gives the frames of the block the page's line numbers.
        traceback, line = error.__traceback__, block.line
        while traceback is not None:
            line, traceback = traceback.tb_lineno, traceback.tb_next
        problem = f"{block.where(line - block.line)}: {type(error).__name__}: {error}"
    finally:
        sys.modules["__main__"] = main
    if problem:
        # Outside `except`: on CPython 3.11 pytest cannot render the example's
        # rewritten traceback when chained, and stops with an INTERNALERROR.
        pytest.fail(problem, pytrace=False)
