import shutil

import pytest

from .conftest import SCRIPTS


def test_unmarked_async_test_fails(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_unmarked.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "FAILED test_unmarked.py::test_ping - "
            "Failed: async def functions are not natively supported."
        ]
    )
    result.assert_outcomes(failed=1)


def test_marked_async_test_passes(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_marked.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(  # (1)!
        [
            "PASSED test_marked.py::test_ping[[]asyncio[]]",
            "PASSED test_marked.py::test_ping[[]trio[]]",
        ]
    )
    result.assert_outcomes(passed=2)
