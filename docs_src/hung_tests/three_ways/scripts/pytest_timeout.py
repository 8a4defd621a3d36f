import anyio
import pytest


@pytest.mark.anyio
@pytest.mark.timeout(0.2)  # (1)!
async def test_waits_forever() -> None:
    try:
        await anyio.Event().wait()
    finally:
        print("cleanup: test's finally ran")
