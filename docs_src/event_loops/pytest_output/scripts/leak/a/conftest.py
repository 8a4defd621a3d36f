import pytest


@pytest.fixture(scope="session", params=["asyncio", "trio"])
def anyio_backend(request):
    return request.param


@pytest.fixture(scope="session")
async def started(anyio_backend):
    yield  # holds the runner until the session ends
