import pytest


@pytest.mark.asyncio
async def test_ping():
    assert 1 + 1 == 2
