from collections.abc import AsyncIterator, Iterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from main import app, get_plan, get_user


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def as_alice() -> Iterator[None]:
    app.dependency_overrides[get_user] = lambda: "alice"
    yield
    del app.dependency_overrides[get_user]  # (1)!


@pytest.fixture
def on_pro_plan() -> Iterator[None]:
    app.dependency_overrides[get_plan] = lambda: "pro"
    yield
    app.dependency_overrides.clear()  # (2)!


@pytest.fixture
async def client() -> AsyncIterator[AsyncClient]:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
