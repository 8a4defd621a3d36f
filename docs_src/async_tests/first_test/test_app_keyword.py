import pytest
from httpx import AsyncClient

from .main import app


def test_app_keyword_was_removed_in_httpx_0_28() -> None:
    with pytest.raises(TypeError) as error:
        AsyncClient(app=app, base_url="http://test")
    assert str(error.value) == (
        "AsyncClient.__init__() got an unexpected keyword argument 'app'"
    )
