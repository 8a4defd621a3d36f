from collections.abc import AsyncIterator

import pytest


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def resource() -> AsyncIterator[None]:
    yield
    print("cleanup: fixture teardown ran")
