import pytest


@pytest.mark.anyio
async def test_a(started):
    pass
