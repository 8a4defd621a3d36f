from .conftest import RunPytest, outcome

OLD_EVENT_LOOP_TEST = """\
# --8<-- [start:event_loop_old]
import pytest


@pytest.mark.asyncio
async def test_schedules_a_callback(event_loop):
    future = event_loop.create_future()
    event_loop.call_soon(future.set_result, "done")
    assert await future == "done"
# --8<-- [end:event_loop_old]
"""

NEW_EVENT_LOOP_TEST = """\
# --8<-- [start:event_loop_new]
import asyncio

import pytest


@pytest.mark.asyncio
async def test_schedules_a_callback():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_soon(future.set_result, "done")
    assert await future == "done"
# --8<-- [end:event_loop_new]
"""


def test_event_loop_fixture_is_gone(run_pytest: RunPytest) -> None:
    output = run_pytest({"test_old.py": OLD_EVENT_LOOP_TEST})
    assert "E       fixture 'event_loop' not found" in output.splitlines()
    assert outcome(output) == "1 error"


def test_running_loop_replaces_event_loop(run_pytest: RunPytest) -> None:
    output = run_pytest({"test_new.py": NEW_EVENT_LOOP_TEST})
    assert outcome(output) == "1 passed"


PLAIN_FIXTURE = """\
# --8<-- [start:strict_plain]
import pytest


@pytest.fixture
async def token():
    return "secret"


@pytest.mark.asyncio
async def test_token(token):
    assert token == "secret"
# --8<-- [end:strict_plain]
"""

STRICT_ERROR = (
    "'test_token' requested an async fixture 'token', with no plugin or hook that"
    " handled it. This is an error, as pytest does not natively support it."
)


def test_strict_mode_ignores_plain_async_fixtures(run_pytest: RunPytest) -> None:
    output = run_pytest({"test_token.py": PLAIN_FIXTURE})
    assert STRICT_ERROR in output.splitlines()
    assert outcome(output) == "1 error"


def test_pytest_asyncio_fixture_works_in_strict_mode(run_pytest: RunPytest) -> None:
    fixed = PLAIN_FIXTURE.replace(
        "import pytest\n", "import pytest\nimport pytest_asyncio\n"
    )
    fixed = fixed.replace("@pytest.fixture", "@pytest_asyncio.fixture")
    output = run_pytest({"test_token.py": fixed})
    assert outcome(output) == "1 passed"


def test_auto_mode_takes_plain_async_fixtures(run_pytest: RunPytest) -> None:
    ini = (
        "[pytest]\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n"
    )
    output = run_pytest({"test_token.py": PLAIN_FIXTURE}, ini=ini)
    assert outcome(output) == "1 passed"


# --8<-- [start:unset]
UNSET_WARNING = (
    "PytestDeprecationWarning: The configuration option"
    ' "asyncio_default_fixture_loop_scope" is unset.'
)
# --8<-- [end:unset]


def test_unset_fixture_loop_scope_warns(run_pytest: RunPytest) -> None:
    output = run_pytest({"test_new.py": NEW_EVENT_LOOP_TEST}, ini="[pytest]\n")
    assert any(line.endswith(UNSET_WARNING) for line in output.splitlines())
    assert outcome(output) == "1 passed"  # warned before the session: not counted


def test_set_fixture_loop_scope_is_quiet(run_pytest: RunPytest) -> None:
    output = run_pytest({"test_new.py": NEW_EVENT_LOOP_TEST})
    assert "asyncio_default_fixture_loop_scope" in output  # in the header line
    assert UNSET_WARNING not in output
    assert outcome(output) == "1 passed"


BOTH_AUTO = """\
# --8<-- [start:both_auto]
[pytest]
anyio_mode = auto
asyncio_mode = auto
asyncio_default_fixture_loop_scope = function
# --8<-- [end:both_auto]
"""

BOTH_AUTO_WARNING = (
    "PytestConfigWarning: AnyIO auto mode has been enabled together with"
    " pytest-asyncio auto mode. This may cause unexpected behavior."
)


def test_two_auto_modes_warn(run_pytest: RunPytest) -> None:
    output = run_pytest({"test_new.py": NEW_EVENT_LOOP_TEST}, ini=BOTH_AUTO)
    assert BOTH_AUTO_WARNING in output
    # The one test now runs twice, with the ids [asyncio] and [trio].
    assert outcome(output) == "2 passed, 1 warning"
