import shutil

import pytest

from .conftest import SCRIPTS


# --8<-- [start:scope-mismatch]
def test_session_fixture_on_a_function_loop(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_session_fixture.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "ERROR test_session_fixture.py::test_settings - Failed: ScopeMismatch: "
            "You tried to access the function scoped fixture _function_scoped_runner "
            "with a session scoped request object.*"
        ]
    )
    result.assert_outcomes(errors=1)


def test_session_fixture_on_a_session_loop(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_session_loop.py", pytester.path)
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)


# --8<-- [end:scope-mismatch]


# --8<-- [start:scope-keyword]
def test_scope_keyword_of_the_marker(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_scope_keyword.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            '*PytestDeprecationWarning: The "scope" keyword argument to the asyncio '
            'marker has been deprecated. Please use the "loop_scope" argument instead.'
        ]
    )
    result.assert_outcomes(passed=1, warnings=1)


# --8<-- [end:scope-keyword]
