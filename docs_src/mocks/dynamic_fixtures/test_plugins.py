import shutil

import anyio.abc
import pytest

from .conftest import SCRIPTS

# This guide's AnyIO (4.16) refuses the call with its own message; releases whose
# runner has no is_running() let asyncio refuse it (older message below).
ANYIO_REFUSES = hasattr(anyio.abc.TestRunner, "is_running")


# --8<-- [start:anyio]
ANYIO_MESSAGE = "RuntimeError: Cannot schedule a coroutine in the test runner while another is already running; likely caused by request.getfixturevalue() on an async fixture."  # noqa: E501


def test_anyio_fixture_by_name_in_the_body(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_anyio_in_body.py", pytester.path)
    result = pytester.runpytest_subprocess()  # (1)!
    old = "RuntimeError: This event loop is already running"
    result.stdout.fnmatch_lines([f"E *{ANYIO_MESSAGE if ANYIO_REFUSES else old}"])
    result.assert_outcomes(failed=1)


# --8<-- [end:anyio]
# --8<-- [start:asyncio]
def test_pytest_asyncio_fixture_by_name_in_the_body(
    pytester: pytest.Pytester,
) -> None:
    shutil.copy(SCRIPTS / "test_asyncio_in_body.py", pytester.path)
    result = pytester.runpytest_subprocess()  # (1)!
    result.stdout.fnmatch_lines(
        ["E *RuntimeError: Runner.run() cannot be called from a running event loop"]
    )
    result.assert_outcomes(failed=1)


def test_pytest_asyncio_fixture_by_name_in_a_fixture(
    pytester: pytest.Pytester,
) -> None:
    shutil.copy(SCRIPTS / "test_asyncio_in_fixture.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        ["PASSED test_asyncio_in_fixture.py::test_docs_page[[]client[]]"]
    )
    result.assert_outcomes(passed=1)


# --8<-- [end:asyncio]
