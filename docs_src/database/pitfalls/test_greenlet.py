import subprocess
import sys

# Runs in a fresh interpreter that cannot import greenlet, as after a plain
# `pip install sqlalchemy`: 2.1 installs greenlet only with the asyncio extra.
PROGRAM = """
import sys
sys.modules["greenlet"] = None  # makes `import greenlet` fail
import sqlalchemy.ext.asyncio
"""


def test_sqlalchemy_asyncio_without_greenlet() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "ImportError: The SQLAlchemy asyncio module requires that the Python "
        "'greenlet' library is installed.  In order to ensure this dependency is "
        "available, use the 'sqlalchemy[asyncio]' install target:  "
        "'pip install sqlalchemy[asyncio]'"
    )
