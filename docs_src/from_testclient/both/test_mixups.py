import pytest
from fastapi.testclient import TestClient
from httpx2 import ASGITransport, AsyncClient

from .main import app


# --8<-- [start:await-testclient]
@pytest.mark.anyio
async def test_awaiting_what_testclient_returns(client: TestClient) -> None:
    with pytest.raises(TypeError) as error:
        await client.get("/items/1")  # the response is already here
    assert str(error.value) == "object Response can't be used in 'await' expression"


# --8<-- [end:await-testclient]


# --8<-- [start:sync-test-async-client]
@pytest.fixture
def half_converted() -> AsyncClient:  # (1)!
    transport = ASGITransport(app=app)
    return AsyncClient(transport=transport, base_url="http://test")


def test_sync_test_with_an_async_client(half_converted: AsyncClient) -> None:
    response = half_converted.get("/items/1")  # (2)!
    with pytest.raises(AttributeError) as error:
        response.status_code  # noqa: B018
    assert str(error.value) == "'coroutine' object has no attribute 'status_code'"
    with pytest.warns(RuntimeWarning) as warned:
        del response, error  # (3)!
    assert str(warned[0].message) == "coroutine 'AsyncClient.get' was never awaited"


# --8<-- [end:sync-test-async-client]
