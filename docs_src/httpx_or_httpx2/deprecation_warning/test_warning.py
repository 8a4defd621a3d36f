import subprocess
import sys
import textwrap

# Runs in a fresh interpreter: starlette.testclient is already imported (with
# httpx2) in this one, and the warning is given only once, at import time.
HIDE_HTTPX2 = textwrap.dedent(
    """
    import sys
    import warnings

    sys.modules["httpx2"] = None  # makes `import httpx2` fail
    warnings.simplefilter("error")  # turns the warning into an exception
    import starlette.testclient
    """
)


def test_starlette_warns_when_only_httpx_is_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-c", HIDE_HTTPX2], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "starlette.exceptions.StarletteDeprecationWarning: "
        "Using `httpx` with `starlette.testclient` is deprecated; "
        "install `httpx2` instead."
    )


def test_no_warning_with_httpx2_installed() -> None:
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import starlette.testclient"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stderr == ""
