import shutil

import pytest

from .conftest import SCRIPTS

ONCE_PER_SESSION = SCRIPTS.parent.parent / "once_per_session"


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


def test_session_scoped_backend_starts_the_app_once(pytester: pytest.Pytester) -> None:
    # The example of this chapter, with its "package" scopes turned into "session".
    shutil.copytree(ONCE_PER_SESSION, pytester.path / "app", ignore=IGNORED)
    shutil.copy(SCRIPTS / "session_conftest.py", pytester.path / "app/conftest.py")
    pytester.runpytest().assert_outcomes(passed=4)


IGNORED = shutil.ignore_patterns("conftest.py", "__pycache__")
