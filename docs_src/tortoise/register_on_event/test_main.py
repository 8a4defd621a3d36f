import re
from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient, Response
from tortoise.context import TortoiseContext
from tortoise.exceptions import ConfigurationError, OperationalError

from .main import Item, create_app

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


# --8<-- [start:helpers]
@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    monkeypatch.setattr(Item._meta, "default_connection", None)  # (1)!
    with pytest.warns(DeprecationWarning, match="on_event is deprecated"):
        return create_app()  # (2)!


async def post_item(
    app: FastAPI, url: str, monkeypatch: pytest.MonkeyPatch
) -> Response:
    monkeypatch.setenv("DATABASE_URL", url)  # (3)!
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post("/items", params={"name": "pen"})


async def count_items(url: str) -> int:
    async with TortoiseContext() as context:  # (4)!
        await context.init(db_url=url, modules={"models": [Item.__module__]})
        return await Item.all().count()


# --8<-- [end:helpers]
# --8<-- [start:alone]
async def test_first_start_has_no_orm(
    app: FastAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigurationError) as error:  # (1)!
        await post_item(app, f"sqlite://{tmp_path}/first.db", monkeypatch)
    model = repr(Item)  # <class 'main.Item'>, with your module's name
    assert str(error.value) == (
        "default_connection for the model " + model + " cannot be None"
    )


async def test_first_start_after_another_test(
    app: FastAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with TortoiseContext() as context:  # (2)!
        await context.init(
            db_url="sqlite://:memory:", modules={"models": [Item.__module__]}
        )
    message = (
        "No TortoiseContext is currently active. Use 'async with TortoiseContext() "
        "as ctx:' to create one, or call Tortoise.init() for global state."
    )
    with pytest.raises(RuntimeError, match=re.escape(message)):  # (3)!
        await post_item(app, f"sqlite://{tmp_path}/first.db", monkeypatch)


# --8<-- [end:alone]
# --8<-- [start:in_order]
async def test_later_starts_use_the_first_settings(
    app: FastAPI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = f"sqlite://{tmp_path}/first.db", f"sqlite://{tmp_path}/second.db"
    with pytest.raises(ConfigurationError):
        await post_item(app, first, monkeypatch)  # (1)!
    response = await post_item(app, second, monkeypatch)  # (2)!
    assert response.status_code == 201
    assert await count_items(first) == 1  # (3)!
    with pytest.raises(OperationalError, match="no such table: item"):
        await count_items(second)  # (4)!


# --8<-- [end:in_order]
