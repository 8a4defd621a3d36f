import sys
import time

import pytest

from .conftest import Prepare

PLUGINS = ("-p", "anyio", "-p", "pytest_timeout", "-p", "no:cacheprovider", "-s")


# --8<-- [start:fail_after]
def test_fail_after(pytester: pytest.Pytester, prepare: Prepare) -> None:
    prepare("fail_after.py")
    result = pytester.runpytest(*PLUGINS)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["FAILED test_hung.py::test_waits_forever - TimeoutError"]
    )
    assert "cleanup: test's finally ran" in result.stdout.str()
    assert "cleanup: fixture teardown ran" in result.stdout.str()


# --8<-- [end:fail_after]
# --8<-- [start:move_on_after]
def test_move_on_after(pytester: pytest.Pytester, prepare: Prepare) -> None:
    prepare("move_on_after.py")
    result = pytester.runpytest(*PLUGINS)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E * Failed: no answer within 0.2 s"])
    assert "cleanup: fixture teardown ran" in result.stdout.str()


# --8<-- [end:move_on_after]
# --8<-- [start:pytest_timeout]
def test_pytest_timeout(pytester: pytest.Pytester, prepare: Prepare) -> None:
    prepare("pytest_timeout.py")
    result = pytester.runpytest(*PLUGINS)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["E   * Failed: Timeout (>0.2s) from pytest-timeout."]  # (1)!
    )
    assert "cleanup: test's finally ran" in result.stdout.str()


# --8<-- [end:pytest_timeout]
# --8<-- [start:pytest_timeout_fixture]
def test_pytest_timeout_with_an_async_fixture(
    pytester: pytest.Pytester, prepare: Prepare
) -> None:
    prepare("pytest_timeout_fixture.py")
    output = pytester.path / "output.txt"
    with output.open("w") as sink:
        command = [sys.executable, "-m", "pytest", *PLUGINS]
        process = pytester.popen(command, stdout=sink, stderr=sink)  # (1)!
    try:
        deadline = time.monotonic() + 60
        while "test_hung.py F" not in output.read_text():
            assert time.monotonic() < deadline, output.read_text()
            time.sleep(0.1)
        time.sleep(1)
        assert process.poll() is None  # (2)!
    finally:
        process.kill()
        process.wait()
    assert output.read_text().endswith("test_hung.py F")  # (3)!


# --8<-- [end:pytest_timeout_fixture]
