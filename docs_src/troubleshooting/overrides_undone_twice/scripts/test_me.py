import pytest
from httpx2 import AsyncClient
from main import app


@pytest.mark.anyio
@pytest.mark.usefixtures("as_alice", "on_pro_plan")  # (1)!
async def test_alice_on_pro_plan(client: AsyncClient) -> None:
    response = await client.get("/me")
    assert response.json() == {"user": "alice", "plan": "pro"}


def test_no_override_left() -> None:
    assert app.dependency_overrides == {}
