from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import select

from .main import Item, app, make_engine


@pytest.mark.anyio
async def test_app_with_its_own_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/app.db"
    monkeypatch.setenv("DATABASE_URL", url)  # (1)!
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            created = await client.post("/items", json={"name": "lamp", "price": 1999})
            item_id = created.json()["id"]
            read = await client.get(f"/items/{item_id}")
    assert read.json() == {"id": item_id, "name": "lamp", "price": 1999}

    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(Item.name, Item.price))).all()
    finally:
        await engine.dispose()
    assert rows == [("lamp", 1999)]  # (2)!
