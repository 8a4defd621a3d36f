import re
import sys

import pytest
from fastapi import FastAPI

from .main import update_profile

NOT_INSTALLED = (
    'Form data requires "python-multipart" to be installed. \n'
    'You can install "python-multipart" with: \n\n'
    "pip install python-multipart\n"
)


def test_form_route_needs_python_multipart(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("python_multipart", "multipart"):
        monkeypatch.setitem(sys.modules, name, None)  # (1)!
    app = FastAPI()
    with pytest.raises(RuntimeError, match=re.escape(NOT_INSTALLED)):
        app.post("/profile")(update_profile)  # (2)!
