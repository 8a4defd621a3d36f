import pytest
from httpx import AsyncClient
from httpx_ws import aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport

from .main import app


@pytest.mark.anyio
async def test_shout_replies_in_capitals() -> None:
    transport = ASGIWebSocketTransport(app=app)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        async with aconnect_ws("/shout", client) as websocket:  # (2)!
            await websocket.send_text("hello")
            assert await websocket.receive_text() == "HELLO"
            await websocket.send_text("again")
            assert await websocket.receive_text() == "AGAIN"
