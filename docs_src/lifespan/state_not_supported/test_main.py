from typing import Any

import pytest

from .main import app

Message = dict[str, Any]


async def run_lifespan(scope: dict[str, Any]) -> list[Message]:
    """Play the server's side of the ASGI lifespan protocol: start, then stop."""
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[Message] = []

    async def receive() -> Message:
        return incoming.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent


@pytest.mark.anyio
async def test_server_without_state_cannot_run_a_lifespan_with_state() -> None:
    with pytest.raises(RuntimeError) as error:
        await run_lifespan({"type": "lifespan"})  # (1)!
    assert str(error.value) == (
        'The server does not support "state" in the lifespan scope.'
    )


@pytest.mark.anyio
async def test_server_with_state_runs_it() -> None:
    state: dict[str, Any] = {}
    sent = await run_lifespan({"type": "lifespan", "state": state})  # (2)!
    assert [message["type"] for message in sent] == [
        "lifespan.startup.complete",
        "lifespan.shutdown.complete",
    ]
    assert state == {"greeting": "Hello"}
