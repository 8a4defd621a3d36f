import pytest
from app.config import settings

pytestmark = pytest.mark.anyio


async def test_order_confirmation_is_logged(client):
    response = await client.post("/orders", headers={"X-Token": settings.api_token})
    assert response.json() == {"confirmation": "logged"}


def test_tests_use_the_test_database():
    assert settings.database_url == "sqlite+aiosqlite:///:memory:"
