import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent / "scripts" / "without_greenlet.py"


def test_sqlalchemy_asyncio_without_greenlet(pytester: pytest.Pytester) -> None:
    # A fresh interpreter: this one has imported SQLAlchemy with greenlet already.
    result = pytester.run(sys.executable, SCRIPT, timeout=60)
    assert result.ret == 1
    assert result.errlines[-1] == (
        "ImportError: The SQLAlchemy asyncio module requires that the Python "
        "'greenlet' library is installed.  In order to ensure this dependency is "
        "available, use the 'sqlalchemy[asyncio]' install target:  "
        "'pip install sqlalchemy[asyncio]'"
    )
