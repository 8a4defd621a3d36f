from pathlib import Path

import anyio
import pytest
from httpx2 import AsyncClient
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from .main import AuditEntry, Item

pytestmark = pytest.mark.anyio


# --8<-- [start:recipe]
async def test_every_write_reaches_the_test_database(
    client: AsyncClient, test_database: AsyncEngine, production_db: anyio.Path
) -> None:
    response = await client.post("/items", json={"name": "lamp"})
    assert response.status_code == 201
    async with test_database.connect() as connection:
        items = (await connection.scalars(select(Item.name))).all()
        actions = (await connection.scalars(select(AuditEntry.action))).all()
    assert items == ["lamp"]
    assert actions == ["created lamp"]  # (1)!
    assert not await production_db.exists()  # (2)!


# --8<-- [end:recipe]
# --8<-- [start:chdir]
async def test_chdir_comes_too_late(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_import, in_fixture = tmp_path / "at_import", tmp_path / "in_fixture"
    await anyio.Path(at_import).mkdir()
    await anyio.Path(in_fixture).mkdir()
    monkeypatch.chdir(at_import)
    engine = create_async_engine("sqlite+aiosqlite:///./production.db")  # (1)!
    monkeypatch.chdir(in_fixture)  # (2)!
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
    finally:
        await engine.dispose()
    assert await anyio.Path(at_import / "production.db").exists()  # (3)!
    assert not await anyio.Path(in_fixture / "production.db").exists()


# --8<-- [end:chdir]
