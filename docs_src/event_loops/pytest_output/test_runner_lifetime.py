import shutil

import pytest

from .conftest import SCRIPTS


def test_each_test_gets_a_fresh_runner(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_fresh_runner.py", pytester.path)
    result = pytester.runpytest()
    result.assert_outcomes(passed=4)  # two tests on asyncio, two on trio


def test_session_fixture_keeps_its_runner_for_later_modules(
    pytester: pytest.Pytester,
) -> None:
    shutil.copytree(SCRIPTS / "leak", pytester.path, dirs_exist_ok=True)
    result = pytester.runpytest("-rf")
    result.stdout.fnmatch_lines(
        [
            "FAILED b/test_b.py::test_runs_on_its_backend[[]asyncio[]]"
            " - AssertionError: assert 'trio' == 'asyncio'"
        ]
    )
    result.assert_outcomes(failed=1, passed=3)
