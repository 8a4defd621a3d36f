import pytest
from fastapi.testclient import TestClient
from httpx2 import ASGITransport, AsyncClient

from .main import app, audit_log


@pytest.mark.anyio
async def test_task_error_comes_out_of_the_request() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(RuntimeError) as error:
            await client.post("/orders/refund")  # (1)!
    assert str(error.value) == "the audit log rejected 'refund'"


def test_testclient_raises_it_too() -> None:
    client = TestClient(app)
    with pytest.raises(RuntimeError) as error:
        client.post("/orders/refund")  # (2)!
    assert str(error.value) == "the audit log rejected 'refund'"


@pytest.mark.anyio
async def test_the_client_had_its_response() -> None:
    transport = ASGITransport(app=app, raise_app_exceptions=False)  # (3)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/orders/refund")
    assert response.status_code == 200
    assert response.json() == {"status": "accepted"}


@pytest.mark.anyio
async def test_a_task_that_succeeds() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        await client.post("/orders/ship")
    assert audit_log[-1] == "ship"
