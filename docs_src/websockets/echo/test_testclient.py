from fastapi.testclient import TestClient

from .main import app


def test_shout_replies_in_capitals() -> None:  # (1)!
    client = TestClient(app)
    with client.websocket_connect("/shout") as websocket:
        websocket.send_text("hello")
        assert websocket.receive_text() == "HELLO"
