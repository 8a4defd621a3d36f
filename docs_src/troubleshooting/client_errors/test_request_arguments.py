import re

import pytest
from httpx2 import AsyncClient

pytestmark = pytest.mark.anyio


# --8<-- [start:delete]
async def test_delete_with_a_body(client: AsyncClient) -> None:
    with pytest.raises(TypeError) as error:
        await client.delete("/items", json=[1, 2])  # type: ignore[call-arg]
    assert str(error.value) == (
        "AsyncClient.delete() got an unexpected keyword argument 'json'"
    )
    response = await client.request("DELETE", "/items", json=[1, 2])  # (1)!
    assert response.json() == {"deleted": [1, 2]}


# --8<-- [end:delete]


# --8<-- [start:content]
async def test_raw_body_in_data(client: AsyncClient) -> None:
    message = "Use 'content=<...>' to upload raw bytes/text content."
    with pytest.warns(DeprecationWarning, match=re.escape(message)):
        response = await client.post("/notes", data="buy nails")  # type: ignore[arg-type]
    assert response.json() == {"length": 9}


async def test_raw_body_in_content(client: AsyncClient) -> None:
    response = await client.post("/notes", content="buy nails")
    assert response.json() == {"length": 9}


# --8<-- [end:content]
