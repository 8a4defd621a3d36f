import logging

import pytest

LINE = "shop: order placed: thyme"


def test_every_line_once_per_test_before(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("-rP")  # (1)!
    result.stdout.fnmatch_lines(
        [
            "*_ test_thyme _*",
            "*- Captured stderr call -*",
            LINE,  # (2)!
            LINE,
            LINE,
        ]
    )
    assert result.stdout.lines.count(LINE) == 3
    result.assert_outcomes(passed=3)
    assert len(logging.getLogger("shop").handlers) == 3  # (3)!
