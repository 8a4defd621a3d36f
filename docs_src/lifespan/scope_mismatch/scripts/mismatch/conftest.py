import pytest
from asgi_lifespan import LifespanManager

from .main import app


@pytest.fixture(scope="session")
async def started_app():
    async with LifespanManager(app) as manager:
        yield manager.app
