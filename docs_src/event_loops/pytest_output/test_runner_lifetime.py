from .conftest import RunPytest, outcome

FRESH_LOOP_PER_TEST = """\
# --8<-- [start:fresh_file]
import anyio.lowlevel
import pytest

seen = []


@pytest.mark.anyio
async def test_first():
    seen.append(anyio.lowlevel.current_token().native_token)


@pytest.mark.anyio
async def test_second(anyio_backend):
    seen.append(anyio.lowlevel.current_token().native_token)
    first, second = seen[-2:]
    assert first is not second  # no async fixture held the runner in between
# --8<-- [end:fresh_file]
"""

SESSION_FIXTURE = """\
# --8<-- [start:leak_conftest]
import pytest


@pytest.fixture(scope="session", params=["asyncio", "trio"])
def anyio_backend(request):
    return request.param


@pytest.fixture(scope="session")
async def started(anyio_backend):
    yield  # holds the runner until the session ends
# --8<-- [end:leak_conftest]
"""

USES_SESSION_FIXTURE = """\
import pytest


@pytest.mark.anyio
async def test_a(started):
    pass
"""

BACKEND_CHECK = """\
# --8<-- [start:leak_test]
import pytest
import sniffio


@pytest.mark.anyio
async def test_runs_on_its_backend(anyio_backend):
    assert sniffio.current_async_library() == anyio_backend
# --8<-- [end:leak_test]
"""


def test_each_test_gets_a_fresh_runner(run_pytest: RunPytest) -> None:
    output = run_pytest({"test_loops.py": FRESH_LOOP_PER_TEST})
    assert outcome(output) == "4 passed"  # two tests on asyncio, two on trio


def test_session_fixture_keeps_its_runner_for_later_modules(
    run_pytest: RunPytest,
) -> None:
    output = run_pytest(
        {
            "a/__init__.py": "",
            "a/conftest.py": SESSION_FIXTURE,
            "a/test_a.py": USES_SESSION_FIXTURE,
            "b/__init__.py": "",
            "b/test_b.py": BACKEND_CHECK,
        }
    )
    assert "b/test_b.py::test_runs_on_its_backend[asyncio] FAILED" in output
    assert "AssertionError: assert 'trio' == 'asyncio'" in output
    assert outcome(output) == "1 failed, 3 passed"
