import re
from pathlib import Path

import pytest
from app.main import create_app
from app.settings import Settings
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient
from pydantic import ValidationError
from sqlalchemy import make_url
from starlette.types import ASGIApp

pytestmark = pytest.mark.anyio


# --8<-- [start:observed]
async def test_the_app_runs_on_the_test_settings(
    app: FastAPI, started_app: ASGIApp, settings: Settings, database_url: str
) -> None:
    assert app.state.settings == settings  # (1)!
    assert app.state.engine.url == make_url(database_url)
    assert str(app.state.webhook.base_url) == "https://hooks.test/shop/"  # (2)!


# --8<-- [end:observed]
# --8<-- [start:untouched]
async def test_nothing_outside_the_test_database_is_touched(
    signed_in: AsyncClient, database_url: str
) -> None:
    response = await signed_in.post("/items", json={"name": "lamp", "price": 1999})
    assert response.status_code == 201

    assert list(Path.cwd().iterdir()) == []  # (1)!
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        files = [path.name for path in Path(url.database).parent.iterdir()]
        assert all(name.startswith("test.db") for name in files)  # (2)!


async def test_without_the_test_url_the_lifespan_writes_shop_db(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SHOP_DATABASE_URL")
    async with LifespanManager(create_app()) as manager:
        transport = ASGITransport(app=manager.app)
        headers = {"Authorization": f"Bearer {settings.api_token.get_secret_value()}"}
        async with AsyncClient(
            transport=transport, base_url="http://test", headers=headers
        ) as client:
            response = await client.get("/items/1")  # (3)!
    assert response.status_code == 404
    assert [path.name for path in Path.cwd().iterdir()] == ["shop.db"]  # (4)!


# --8<-- [end:untouched]
# --8<-- [start:missing]
MISSING_TOKEN = """\
1 validation error for Settings
api_token
  Field required [type=missing,"""


async def test_startup_fails_without_a_token(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SHOP_API_TOKEN")
    with pytest.raises(ValidationError, match=re.escape(MISSING_TOKEN)):
        async with LifespanManager(create_app()):  # (1)!
            ...  # never reached


# --8<-- [end:missing]
