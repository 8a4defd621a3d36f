import shutil

import pytest

from .conftest import SCRIPTS


def test_task_group_fixture_under_pytest_asyncio(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_task_group_asyncio.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "PASSED test_task_group_asyncio.py::test_uses_task_group",  # (1)!
            "ERROR test_task_group_asyncio.py::test_uses_task_group - RuntimeError: "
            "Attempted to exit cancel scope in a different task than it was entered in",
        ]
    )
    result.assert_outcomes(passed=1, errors=1)


def test_task_group_fixture_under_anyio(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_task_group_anyio.py", pytester.path)
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)  # (2)!
