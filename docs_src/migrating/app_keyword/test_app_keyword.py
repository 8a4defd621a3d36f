from types import ModuleType

import httpx
import httpx2
import pytest

from .main import app


@pytest.mark.parametrize("library", [httpx, httpx2], ids=["httpx", "httpx2"])
def test_app_keyword_was_removed(library: ModuleType) -> None:
    with pytest.raises(TypeError) as error:
        library.AsyncClient(app=app, base_url="http://test")
    assert str(error.value) == (
        "AsyncClient.__init__() got an unexpected keyword argument 'app'"
    )
