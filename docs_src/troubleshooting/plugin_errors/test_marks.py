import shutil

import pytest

from .conftest import SCRIPTS


# --8<-- [start:fixture-mark]
def test_mark_on_a_fixture(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_marked_fixture.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        ["ERROR test_marked_fixture.py - Failed: Marks cannot be applied to fixtures."]
    )
    result.assert_outcomes(errors=1)


def test_mark_on_the_test_only(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_fixture_unmarked.py", pytester.path)
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)  # once on asyncio, once on trio


# --8<-- [end:fixture-mark]


# --8<-- [start:unknown-mark]
def test_asyncio_mark_without_its_plugin(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SCRIPTS / "test_asyncio_marker.py", pytester.path)
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p anyio -rA")  # (1)!
    result = pytester.runpytest_subprocess()  # (2)!
    result.stdout.fnmatch_lines(
        [
            "*PytestConfigWarning: Unknown config option: asyncio_mode",
            "*PytestUnknownMarkWarning: Unknown pytest.mark.asyncio - is this a typo?*",
            "FAILED test_asyncio_marker.py::test_ping - "
            "Failed: async def functions are not natively supported.",
        ]
    )
    result.assert_outcomes(failed=1)


def test_asyncio_mark_with_strict_markers(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SCRIPTS / "test_asyncio_marker.py", pytester.path)
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p anyio -rA --strict-markers")
    result = pytester.runpytest_subprocess()
    result.stdout.fnmatch_lines(
        [
            "ERROR test_asyncio_marker.py - "
            "Failed: 'asyncio' not found in `markers` configuration option"
        ]
    )
    result.assert_outcomes(errors=1)


def test_asyncio_mark_with_its_plugin(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_asyncio_marker.py", pytester.path)
    result = pytester.runpytest()  # (3)!
    result.assert_outcomes(passed=1)


# --8<-- [end:unknown-mark]
