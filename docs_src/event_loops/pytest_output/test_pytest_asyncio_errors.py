import re
import shutil

import pytest

from .conftest import SCRIPTS

UNSET = 'The configuration option "asyncio_default_fixture_loop_scope" is unset.'


def test_event_loop_fixture_is_gone(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_event_loop_old.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(["E       fixture 'event_loop' not found"])
    result.assert_outcomes(errors=1)


def test_running_loop_replaces_event_loop(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_event_loop_new.py", pytester.path)
    pytester.runpytest().assert_outcomes(passed=1)


def test_strict_mode_ignores_plain_async_fixtures(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_token_plain.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "'test_token' requested an async fixture 'token', with no plugin or"
            " hook that handled it. This is an error, as pytest does not natively"
            " support it."
        ]
    )
    result.assert_outcomes(errors=1)


def test_pytest_asyncio_fixture_works_in_strict_mode(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_token_fixed.py", pytester.path)
    pytester.runpytest().assert_outcomes(passed=1)


def test_auto_mode_takes_plain_async_fixtures(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_token_plain.py", pytester.path)
    pytester.runpytest("-o", "asyncio_mode=auto").assert_outcomes(passed=1)


def test_unset_fixture_loop_scope_warns(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\n")  # no asyncio_default_fixture_loop_scope
    shutil.copy(SCRIPTS / "test_event_loop_new.py", pytester.path)
    with pytest.warns(pytest.PytestDeprecationWarning, match=UNSET):  # (1)!
        result = pytester.runpytest()
    result.assert_outcomes(passed=1, warnings=0)


def test_set_fixture_loop_scope_is_quiet(
    pytester: pytest.Pytester, recwarn: pytest.WarningsRecorder
) -> None:
    shutil.copy(SCRIPTS / "test_event_loop_new.py", pytester.path)
    pytester.runpytest().assert_outcomes(passed=1, warnings=0)
    assert not [w for w in recwarn if re.search(UNSET, str(w.message))]


def test_two_auto_modes_warn(pytester: pytest.Pytester) -> None:
    pytester.makeini((SCRIPTS / "both_auto.ini").read_text())
    shutil.copy(SCRIPTS / "test_event_loop_new.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "*PytestConfigWarning: AnyIO auto mode has been enabled together with"
            " pytest-asyncio auto mode. This may cause unexpected behavior."
        ]
    )
    # The one test now runs twice, with the ids [asyncio] and [trio].
    result.assert_outcomes(passed=2, warnings=1)
