import anyio
import pytest


@pytest.mark.anyio
@pytest.mark.timeout(0.2)
async def test_waits_forever(resource: None) -> None:  # (1)!
    await anyio.Event().wait()
