from pathlib import Path

from .conftest import RunPytest, outcome

# --8<-- [start:mismatch]
CONFTEST_WITHOUT_BACKEND = """\
# --8<-- [start:conftest]
import pytest
from asgi_lifespan import LifespanManager

from main import app


@pytest.fixture(scope="session")
async def started_app():
    async with LifespanManager(app) as manager:
        yield manager.app
# --8<-- [end:conftest]
"""
# --8<-- [end:mismatch]

MAIN = """\
from fastapi import FastAPI

app = FastAPI()
"""

TEST = """\
import pytest


@pytest.mark.anyio
async def test_uses_the_app(started_app):
    assert started_app is not None
"""


def test_session_fixture_needs_a_session_backend(run_pytest: RunPytest) -> None:
    output = run_pytest(
        {"conftest.py": CONFTEST_WITHOUT_BACKEND, "main.py": MAIN, "test_app.py": TEST}
    )
    assert (
        "ScopeMismatch: You tried to access the module scoped fixture anyio_backend"
        " with a session scoped request object. Requesting fixture stack:"
    ) in output.splitlines()
    # The second backend then trips over pytest's own bookkeeping.
    assert "ERROR test_app.py::test_uses_the_app[trio] - AssertionError" in output
    assert outcome(output) == "2 errors"


def test_session_scoped_backend_starts_the_app_once(run_pytest: RunPytest) -> None:
    # The example of this chapter, with its "package" scopes turned into "session".
    example = Path(__file__).parent.parent / "once_per_session"
    files = {
        path.name: path.read_text()
        .replace('scope="package"', 'scope="session"')
        .replace("from .main", "from main")
        for path in example.glob("*.py")
        if path.name != "__init__.py"
    }
    output = run_pytest(files)
    assert outcome(output) == "4 passed"
    assert "test_app_started_once_per_backend[trio] PASSED" in output
