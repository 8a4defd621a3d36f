import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def token():
    return "secret"


@pytest.mark.asyncio
async def test_token(token):
    assert token == "secret"
