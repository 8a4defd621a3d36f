import pytest
import pytest_asyncio


@pytest_asyncio.fixture(scope="session")  # the loop stays per function
async def settings():
    return {"debug": False}


@pytest.mark.asyncio
async def test_settings(settings):
    assert settings["debug"] is False
