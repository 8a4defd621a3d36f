import httpx
import httpx2
import pytest
from fastapi.testclient import TestClient

from .main import app


def test_testclient_returns_httpx2_responses() -> None:
    response = TestClient(app).get("/books/2")
    assert isinstance(response, httpx2.Response)  # (1)!
    assert not isinstance(response, httpx.Response)


def test_httpx_exceptions_do_not_catch_httpx2_errors() -> None:
    response = TestClient(app).get("/books/2")
    with pytest.raises(httpx2.HTTPStatusError) as error:
        response.raise_for_status()
    assert not isinstance(error.value, httpx.HTTPStatusError)  # (2)!
