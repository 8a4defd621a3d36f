import shutil
import sys

import pytest

from .conftest import SCRIPTS


# --8<-- [start:xdist]
def test_random_parameters_on_two_workers(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_random_ids.py", pytester.path)
    result = pytester.runpytest_subprocess("-p", "xdist", "-n", "2")  # (1)!
    result.stdout.fnmatch_lines(
        ["ERROR gw* - Different tests were collected between gw* and gw*. *"]
    )
    result.assert_outcomes(errors=1)


def test_fixed_parameters_on_two_workers(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_fixed_ids.py", pytester.path)
    result = pytester.runpytest_subprocess("-p", "xdist", "-n", "2")
    result.assert_outcomes(passed=3)


# --8<-- [end:xdist]


# --8<-- [start:coverage]
def coverage_run(pytester: pytest.Pytester, source: str) -> pytest.RunResult:
    for name in ("shop.py", "test_shop.py"):
        shutil.copy(SCRIPTS / name, pytester.path)
    return pytester.run(
        sys.executable, "-m", "coverage", "run", f"--source={source}",
        "-m", "pytest", "-p", "no:cacheprovider", "test_shop.py",
    )  # fmt: skip


def test_source_names_no_module_of_the_project(pytester: pytest.Pytester) -> None:
    result = coverage_run(pytester, source="app")  # the project has no module app
    result.stderr.fnmatch_lines(
        [
            "*CoverageWarning: Module app was never imported. (module-not-imported)*",
            "*CoverageWarning: No data was collected. (no-data-collected)*",
        ]
    )
    assert result.ret == 0  # warnings only: the run itself passes


def test_source_names_the_module(pytester: pytest.Pytester) -> None:
    result = coverage_run(pytester, source="shop")
    assert "CoverageWarning" not in result.stderr.str()
    assert result.ret == 0


# --8<-- [end:coverage]
