import pytest


@pytest.mark.asyncio(scope="module")  # the old name of loop_scope
async def test_ping():
    assert 1 + 1 == 2
