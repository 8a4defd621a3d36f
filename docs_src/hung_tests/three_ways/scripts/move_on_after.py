import anyio
import pytest


@pytest.mark.anyio
async def test_waits_forever(resource: None) -> None:
    with anyio.move_on_after(0.2) as scope:
        await anyio.Event().wait()
    if scope.cancelled_caught:  # (1)!
        pytest.fail("no answer within 0.2 s")
