import anyio
import pytest
from asgi_lifespan import LifespanManager

from .main import app


async def start_and_stop_app() -> None:
    async with LifespanManager(app):
        pass


def test_module_level_client_fails_in_the_next_event_loop() -> None:
    anyio.run(start_and_stop_app)  # (1)!
    with pytest.raises(RuntimeError) as error:
        anyio.run(start_and_stop_app)  # (2)!
    assert str(error.value) == (
        "Cannot use AsyncMongoClient in different event loop. AsyncMongoClient uses"
        " low-level asyncio APIs that bind it to the event loop it was created on."
    )
