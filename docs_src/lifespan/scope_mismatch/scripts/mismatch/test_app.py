import pytest


@pytest.mark.anyio
async def test_uses_the_app(started_app):
    assert started_app is not None
