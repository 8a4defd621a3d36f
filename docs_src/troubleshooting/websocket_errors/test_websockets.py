import pytest
from fastapi.testclient import TestClient
from httpx import AsyncClient
from httpx_ws import WebSocketDisconnect, aconnect_ws
from httpx_ws.transport import ASGIWebSocketTransport

from .main import app

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client():
    transport = ASGIWebSocketTransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


# --8<-- [start:refused]
async def test_connection_refused(client: AsyncClient) -> None:
    with pytest.raises(WebSocketDisconnect) as error:
        async with aconnect_ws("/feed", client):
            pass  # pragma: no cover (never runs)
    assert f"{type(error.value).__name__}: {error.value}" == (
        "WebSocketDisconnect: (1008, '')"
    )


async def test_connection_accepted(client: AsyncClient) -> None:
    async with aconnect_ws("/feed?token=secret", client) as websocket:
        assert await websocket.receive_text() == "hello"


# --8<-- [end:refused]


# --8<-- [start:before-accept]
async def test_send_before_accept(client: AsyncClient) -> None:
    with pytest.raises(WebSocketDisconnect) as error:
        async with aconnect_ws("/eager", client):
            pass  # pragma: no cover (never runs)
    assert error.value.code == 1011
    assert error.value.reason == (
        'Expected ASGI message "websocket.accept", "websocket.close" or '
        "\"websocket.http.response.start\", but got 'websocket.send'"
    )


# --8<-- [end:before-accept]


# --8<-- [start:after-close]
def test_send_after_close() -> None:
    client = TestClient(app)
    with pytest.raises(RuntimeError) as error:  # (1)!
        with client.websocket_connect("/goodbye"):
            pass  # pragma: no cover (never runs)
    assert str(error.value) == 'Cannot call "send" once a close message has been sent.'


# --8<-- [end:after-close]
