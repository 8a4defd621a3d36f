from collections.abc import AsyncIterator, Iterator

import pytest
from asgi_lifespan import LifespanManager
from fastapi.testclient import TestClient
from httpx2 import ASGITransport, AsyncClient

from .main import app, get_user


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def client() -> Iterator[TestClient]:  # (1)!
    with TestClient(app) as client:
        yield client


@pytest.fixture
async def async_client() -> AsyncIterator[AsyncClient]:  # (2)!
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


@pytest.fixture
def as_ada(monkeypatch: pytest.MonkeyPatch) -> None:  # (3)!
    monkeypatch.setitem(app.dependency_overrides, get_user, lambda: "ada")
