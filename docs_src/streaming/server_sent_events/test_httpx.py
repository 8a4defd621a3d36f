import json

import pytest
from httpx import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_prices_arrive_as_server_sent_events() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/prices")  # (1)!
    assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
    events = response.text.strip().split("\n\n")  # (2)!
    assert events[0] == 'event: price\ndata: {"price": 101}\nid: 1'
    prices = [
        json.loads(event.split("\n")[1].removeprefix("data: ")) for event in events
    ]
    assert prices == [{"price": 101}, {"price": 99}, {"price": 102}]
