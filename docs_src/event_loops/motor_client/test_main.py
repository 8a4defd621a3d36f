import anyio
import pytest
from httpx import ASGITransport, AsyncClient

from .main import app


async def check_health() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/health")
    assert response.status_code == 200  # (1)!


def test_motor_client_fails_in_the_next_event_loop() -> None:
    anyio.run(check_health)  # (2)!
    with pytest.raises(RuntimeError) as error:
        anyio.run(check_health)  # (3)!
    assert str(error.value) == "Event loop is closed"
