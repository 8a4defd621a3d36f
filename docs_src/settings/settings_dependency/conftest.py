from collections.abc import AsyncIterator, Iterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .main import app, get_settings


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client() -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [start:fresh]
@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("SHOP_CURRENCY", "SHOP_MAINTENANCE"):
        monkeypatch.delenv(name, raising=False)  # (1)!
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()  # (2)!


# --8<-- [end:fresh]
