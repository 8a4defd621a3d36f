import pytest
import pytest_asyncio


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def settings():
    return {"debug": False}


@pytest.mark.asyncio(loop_scope="session")
async def test_settings(settings):
    assert settings["debug"] is False
