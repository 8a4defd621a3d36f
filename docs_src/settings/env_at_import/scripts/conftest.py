# --8<-- [start:environment]
import os

os.environ.setdefault("SHOP_API_TOKEN", "test-token")  # (1)!
os.environ["SHOP_DATABASE_URL"] = "sqlite+aiosqlite:///:memory:"  # (2)!
os.environ.pop("SHOP_SMTP_HOST", None)  # (3)!

import pytest
from app.config import settings
from app.main import app
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

settings.__init__(_env_file=None)  # (4)!
# --8<-- [end:environment]


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client():
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
