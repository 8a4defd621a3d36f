import pytest


@pytest.fixture
async def token():
    return "secret"


@pytest.mark.asyncio
async def test_token(token):
    assert token == "secret"
