import pytest
from fastapi.testclient import TestClient
from httpx2 import ASGITransport, AsyncClient
from main import app


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_total_through_asgi_transport() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/total")
    assert response.json() == {"total": 6}


@pytest.mark.anyio
async def test_answer_through_asgi_transport() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/answer")
    assert response.json() == {"answer": 42}


def test_both_through_testclient() -> None:
    with TestClient(app) as client:  # (1)!
        assert client.get("/total").json() == {"total": 6}
        assert client.get("/answer").json() == {"answer": 42}
