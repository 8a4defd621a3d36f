import re

import pytest
from fastapi.testclient import TestClient
from httpx2 import AsyncClient

from .main import app

pytestmark = pytest.mark.anyio


# --8<-- [start:coroutine]
async def test_request_not_awaited(client: AsyncClient) -> None:
    response = client.get("/items/1")  # (1)!
    with pytest.raises(AttributeError) as error:
        response.json()
    assert str(error.value) == "'coroutine' object has no attribute 'json'"
    warning = "coroutine 'AsyncClient.get' was never awaited"
    with pytest.warns(RuntimeWarning, match=re.escape(warning)):
        del response, error  # (2)!


# --8<-- [end:coroutine]


# --8<-- [start:testclient]
async def test_testclient_awaited() -> None:
    client = TestClient(app)
    with pytest.raises(TypeError) as error:
        await client.get("/items/1")  # type: ignore[misc]
    assert str(error.value) == "object Response can't be used in 'await' expression"


async def test_async_client_awaited(client: AsyncClient) -> None:
    response = await client.get("/items/1")
    assert response.status_code == 200


# --8<-- [end:testclient]
