import pytest


@pytest.mark.anyio
async def test_ping():
    assert 1 + 1 == 2
