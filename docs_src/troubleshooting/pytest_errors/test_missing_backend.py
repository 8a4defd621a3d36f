import shutil

import pytest

from .conftest import OPTIONS, SCRIPTS


def test_trio_in_the_params_without_trio(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SCRIPTS / "conftest_both_backends.py", pytester.path / "conftest.py")
    shutil.copy(SCRIPTS / "test_marked.py", pytester.path)
    shutil.copy(SCRIPTS / "hide_trio.py", pytester.path)
    monkeypatch.setenv("PYTEST_ADDOPTS", f"-p hide_trio {OPTIONS}")  # (1)!
    result = pytester.runpytest_subprocess()
    result.stdout.fnmatch_lines(
        [
            "PASSED test_marked.py::test_ping[[]asyncio[]]",
            "FAILED test_marked.py::test_ping[[]trio[]] - "
            "ModuleNotFoundError: No module named 'trio'",
        ]
    )
    result.assert_outcomes(passed=1, failed=1)
