import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent / "scripts" / "without_httpx2.py"

# Both tests start a fresh interpreter: the warning is given once, when
# starlette.testclient is first imported, and this one has imported it already.


def test_starlette_warns_when_only_httpx_is_installed(
    pytester: pytest.Pytester,
) -> None:
    result = pytester.run(sys.executable, SCRIPT, timeout=60)
    assert result.ret == 1
    assert result.errlines[-1] == (
        "starlette.exceptions.StarletteDeprecationWarning: "
        "Using `httpx` with `starlette.testclient` is deprecated; "
        "install `httpx2` instead."
    )


def test_no_warning_with_httpx2_installed(pytester: pytest.Pytester) -> None:
    result = pytester.run(
        sys.executable, "-W", "error", "-m", "starlette.testclient", timeout=60
    )
    assert result.ret == 0
    assert result.errlines == []
