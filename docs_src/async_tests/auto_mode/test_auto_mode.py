import pytest

ANYIO = ["-p", "anyio"]
PYTEST_ASYNCIO = ["-p", "asyncio", "-o", "asyncio_default_fixture_loop_scope=function"]


# --8<-- [start:auto]
def test_auto_mode_runs_unmarked_tests_and_fixtures(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(*ANYIO, "-o", "anyio_mode=auto")
    result.stdout.fnmatch_lines(
        [
            "PASSED test_unmarked.py::test_runs_on_its_backend[[]asyncio[]]",
            "PASSED test_unmarked.py::test_runs_on_its_backend[[]trio[]]",
            "ERROR test_unmarked.py::test_plain_test_with_the_async_fixture - "
            "Failed: 'test_plain_test_with_the_async_fixture' requested an async "
            "fixture 'backend_at_setup', with no plugin or hook that handled it.*",
        ]
    )
    result.assert_outcomes(passed=2, errors=1)


# --8<-- [end:auto]


# --8<-- [start:beside-strict]
def test_auto_mode_beside_strict_pytest_asyncio(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(*ANYIO, *PYTEST_ASYNCIO, "-o", "anyio_mode=auto")
    result.assert_outcomes(passed=2, errors=1)  # (1)!


# --8<-- [end:beside-strict]


# --8<-- [start:both-auto]
def test_both_auto_modes(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest(
        *ANYIO, *PYTEST_ASYNCIO, "-o", "anyio_mode=auto", "-o", "asyncio_mode=auto"
    )
    result.stdout.fnmatch_lines(
        [
            "*PytestConfigWarning: AnyIO auto mode has been enabled together with "
            "pytest-asyncio auto mode. This may cause unexpected behavior.",
            "FAILED test_unmarked.py::test_runs_on_its_backend[[]trio[]] - "
            "AssertionError*",  # (2)!
        ]
    )
    result.assert_outcomes(passed=2, failed=1)  # (3)!


# --8<-- [end:both-auto]
