from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from functools import partial

import httpx
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from . import main


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


def rate_of_1_25(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"rate": 1.25})


@dataclass
class FakeRates:
    """Stands in for the rates service: records each request, answers with reply."""

    reply: Callable[[httpx.Request], httpx.Response] = rate_of_1_25
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.reply(request)  # (1)!


@pytest.fixture
def fake_rates(monkeypatch: pytest.MonkeyPatch) -> FakeRates:
    fake = FakeRates()
    transport = httpx.MockTransport(fake.handle)
    factory = partial(main.create_rates_client, transport=transport)  # (2)!
    monkeypatch.setattr(main, "create_rates_client", factory)
    return fake


@pytest.fixture
async def client(fake_rates: FakeRates) -> AsyncIterator[AsyncClient]:  # (3)!
    async with LifespanManager(main.app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
