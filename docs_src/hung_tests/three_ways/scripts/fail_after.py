import anyio
import pytest


@pytest.mark.anyio
async def test_waits_forever(resource: None) -> None:
    try:
        with anyio.fail_after(0.2):
            await anyio.Event().wait()  # (1)!
    finally:
        print("cleanup: test's finally ran")
