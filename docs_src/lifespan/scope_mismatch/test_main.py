import shutil

import pytest

from .conftest import SCRIPTS


def test_session_fixture_needs_a_session_backend(pytester: pytest.Pytester) -> None:
    shutil.copytree(SCRIPTS / "mismatch", pytester.path / "mismatch")
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "ScopeMismatch: You tried to access the module scoped fixture"
            " anyio_backend with a session scoped request object."
            " Requesting fixture stack:",
            # The second backend then trips over pytest's own bookkeeping.
            "ERROR mismatch/test_app.py::test_uses_the_app[[]trio[]] - AssertionError",
        ]
    )
    result.assert_outcomes(errors=2)


def test_session_scoped_backend_fixes_the_mismatch(pytester: pytest.Pytester) -> None:
    # The same app and test, with the conftest of the fix: both backends pass.
    shutil.copytree(SCRIPTS / "mismatch", pytester.path / "fixed")
    shutil.copy(SCRIPTS / "session_conftest.py", pytester.path / "fixed/conftest.py")
    pytester.runpytest().assert_outcomes(passed=2)
