import socket

import httpx2
import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app

pytestmark = pytest.mark.anyio


def closed_port() -> int:
    """A port on 127.0.0.1 on which nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --8<-- [start:connect]
async def test_client_without_transport() -> None:
    base_url = f"http://127.0.0.1:{closed_port()}"
    async with AsyncClient(base_url=base_url) as client:
        with pytest.raises(httpx2.ConnectError) as error:
            await client.get("/items/1")
    assert str(error.value) == "All connection attempts failed"


# --8<-- [end:connect]


# --8<-- [start:protocol]
async def test_client_without_base_url() -> None:
    async with AsyncClient() as client:
        with pytest.raises(httpx2.UnsupportedProtocol) as error:
            await client.get("/items/1")
    assert str(error.value) == (
        "Request URL is missing an 'http://' or 'https://' protocol."
    )


# --8<-- [end:protocol]


# --8<-- [start:sync]
def test_sync_client_on_asgi_transport() -> None:
    client = httpx2.Client(transport=ASGITransport(app=app), base_url="http://test")
    with pytest.raises(AttributeError) as error:
        client.get("/items/1")
    assert str(error.value) == (
        "'ASGITransport' object has no attribute 'handle_request'"
    )


# --8<-- [end:sync]


# --8<-- [start:fix]
async def test_client_on_the_app() -> None:
    transport = ASGITransport(app=app)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        assert (await client.get("/items/1")).status_code == 200


# --8<-- [end:fix]
