import anyio
import pytest
from asgi_lifespan import LifespanManager

from .main import app, client


async def start_and_stop_app() -> None:
    async with LifespanManager(app):
        pass


def test_motor_client_fails_in_the_next_event_loop() -> None:
    try:
        anyio.run(start_and_stop_app)  # (1)!
        with pytest.raises(RuntimeError) as error:
            anyio.run(start_and_stop_app)  # (2)!
    finally:
        client.close()  # (3)!
    assert str(error.value) == "Event loop is closed"
