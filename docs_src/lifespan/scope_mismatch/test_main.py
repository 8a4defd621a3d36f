import shutil

import pytest

from .conftest import SCRIPTS


def test_session_fixture_needs_a_session_backend(pytester: pytest.Pytester) -> None:
    shutil.copytree(SCRIPTS / "mismatch", pytester.path / "mismatch")
    # The asyncio run only: with trio installed, AnyIO's default fixture adds one.
    result = pytester.runpytest("-k", "asyncio")
    result.stdout.fnmatch_lines(
        [
            "ScopeMismatch: You tried to access the module scoped fixture"
            " anyio_backend with a session scoped request object."
            " Requesting fixture stack:",
        ]
    )
    result.assert_outcomes(errors=1)


def test_session_scoped_backend_fixes_the_mismatch(pytester: pytest.Pytester) -> None:
    # The same app and test, with the conftest of the fix: the test passes.
    shutil.copytree(SCRIPTS / "mismatch", pytester.path / "fixed")
    shutil.copy(SCRIPTS / "session_conftest.py", pytester.path / "fixed/conftest.py")
    pytester.runpytest().assert_outcomes(passed=1)
