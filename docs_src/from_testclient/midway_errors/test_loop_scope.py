import pytest

MISMATCH = "ScopeMismatch: You tried to access the function scoped fixture _function_scoped_runner with a session scoped request object"  # noqa: E501


def test_session_fixture_in_a_function_loop(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("test_session_fixture.py")
    result.stdout.fnmatch_lines(
        [
            "ERROR test_session_fixture.py::test_runs_in_the_fixtures_loop - "
            f"Failed: {MISMATCH}*"
        ]
    )
    result.assert_outcomes(errors=1)


def test_session_fixture_in_a_session_loop(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("test_session_loop.py")
    result.assert_outcomes(passed=1)  # (1)!
