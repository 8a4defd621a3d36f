import anyio
import pytest
from httpx2 import AsyncClient

from .main import Gate, app


@pytest.mark.anyio
async def test_twenty_requests_are_in_flight_together(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.state, "gate", Gate(expected=20), raising=False)  # (1)!
    positions: list[int] = []

    async def call_gate() -> None:
        response = await client.get("/gate")  # (2)!
        positions.append(response.json()["position"])

    with anyio.fail_after(2):  # (3)!
        async with anyio.create_task_group() as tg:
            for _ in range(20):
                tg.start_soon(call_gate)
    assert sorted(positions) == list(range(1, 21))  # (4)!


@pytest.mark.anyio
async def test_a_single_request_never_opens_a_gate_for_two(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app.state, "gate", Gate(expected=2), raising=False)
    with pytest.raises(TimeoutError), anyio.fail_after(0.1):  # (5)!
        await client.get("/gate")
