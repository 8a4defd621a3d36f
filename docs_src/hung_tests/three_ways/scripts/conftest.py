from collections.abc import AsyncIterator

import pytest


@pytest.fixture(scope="session", params=["asyncio", "trio"])
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
async def resource() -> AsyncIterator[None]:
    yield
    print("cleanup: fixture teardown ran")
