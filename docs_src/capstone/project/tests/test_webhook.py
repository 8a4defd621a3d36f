import json

import pytest
from httpx2 import AsyncClient
from support import FakeWebhook

pytestmark = pytest.mark.anyio


# --8<-- [start:sent]
async def test_create_notifies_the_webhook(
    signed_in: AsyncClient, webhook: FakeWebhook
) -> None:
    response = await signed_in.post("/items", json={"name": "lamp", "price": 1999})

    [sent] = webhook.requests  # (1)!
    assert sent.method == "POST"
    assert sent.url == "https://hooks.test/shop/events"  # (2)!
    event = {"event": "item.created", "id": response.json()["id"]}
    assert json.loads(sent.content) == event


# --8<-- [end:sent]
async def test_other_requests_send_nothing(
    signed_in: AsyncClient, webhook: FakeWebhook
) -> None:
    await signed_in.get("/items/1")
    await signed_in.delete("/items/1")
    assert webhook.requests == []
