import httpx2
import pytest

from .main import app


@pytest.mark.anyio
async def test_prices_arrive_as_server_sent_events() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        async with client.sse("/prices") as source:  # (1)!
            events = [event async for event in source]
    assert [event.event for event in events] == ["price", "price", "price"]
    assert [event.id for event in events] == ["1", "2", "3"]
    assert [event.json() for event in events] == [
        {"price": 101},
        {"price": 99},
        {"price": 102},
    ]
