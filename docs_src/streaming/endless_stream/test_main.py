import anyio
import pytest
from httpx2 import ASGITransport, AsyncClient
from starlette.types import Message

from .main import app


# --8<-- [start:hangs]
@pytest.mark.anyio
async def test_endless_stream_hangs_through_asgi_transport() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(TimeoutError), anyio.fail_after(0.2):  # (1)!
            await client.get("/ticks")  # (2)!


# --8<-- [end:hangs]


# --8<-- [start:direct]
async def first_chunks(path: str, count: int) -> list[bytes]:
    """Call the ASGI app directly and hang up after `count` body chunks."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"test")],
        "server": ("test", 80),
        "client": ("127.0.0.1", 50000),
    }
    chunks: list[bytes] = []
    enough = anyio.Event()
    request_sent = False

    async def receive() -> Message:
        nonlocal request_sent
        if not request_sent:
            request_sent = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await enough.wait()  # (1)!
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.body" and not enough.is_set():
            chunks.append(message["body"])
            if len(chunks) == count:
                enough.set()

    with anyio.fail_after(1):  # (2)!
        await app(scope, receive, send)
    return chunks


@pytest.mark.anyio
async def test_first_three_ticks() -> None:
    assert await first_chunks("/ticks", 3) == [b"tick 1\n", b"tick 2\n", b"tick 3\n"]


# --8<-- [end:direct]
