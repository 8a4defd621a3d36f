import json

import pytest
from fastapi.exceptions import ResponseValidationError
from httpx2 import ASGITransport, AsyncClient

from .main import app

pytestmark = pytest.mark.anyio


# --8<-- [start:validation]
async def test_response_does_not_match_its_model(client: AsyncClient) -> None:
    with pytest.raises(ResponseValidationError) as error:
        await client.get("/items/2")
    assert f"{type(error.value).__name__}: {error.value}".startswith(
        "ResponseValidationError: 1 validation error:\n"
        "  {'type': 'missing', 'loc': ('response', 'price'), 'msg': 'Field required'"
    )


# --8<-- [end:validation]


# --8<-- [start:json]
async def test_json_of_an_error_page() -> None:
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/items/3")  # (1)!
    with pytest.raises(json.JSONDecodeError) as error:
        response.json()
    assert str(error.value) == "Expecting value: line 1 column 1 (char 0)"
    assert (response.status_code, response.text) == (500, "Internal Server Error")


# --8<-- [end:json]
