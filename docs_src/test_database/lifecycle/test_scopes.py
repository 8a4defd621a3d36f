from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"


# --8<-- [start:scopes]
def test_anyio_run_fails_while_a_session_async_fixture_is_alive(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    script = SCRIPTS / "test_session_engine.py"
    pytester.makepyfile(test_session_engine=script.read_text())
    result = pytester.runpytest("-p", "anyio", "-q")
    result.assert_outcomes(passed=1, errors=1)  # (1)!
    result.stdout.fnmatch_lines(
        ["E * RuntimeError: Already running asyncio in this thread"]
    )


# --8<-- [end:scopes]
