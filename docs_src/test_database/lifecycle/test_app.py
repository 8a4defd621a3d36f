from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from .conftest import postgresql_server
from .main import Note, app


@pytest.mark.anyio
async def test_add_note_writes_the_row(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    response = await client.post("/notes", json={"text": "buy milk"})
    assert response.status_code == 201
    assert (await connection.execute(select(Note.text))).scalars().all() == ["buy milk"]


@pytest.mark.anyio
async def test_each_test_starts_empty(connection: AsyncConnection) -> None:
    assert await connection.scalar(select(func.count()).select_from(Note)) == 0


def test_postgresql_tests_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("POSTGRESQL_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set POSTGRESQL_TEST_URL"):
        postgresql_server()


@pytest.mark.anyio
async def test_app_with_its_own_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/app.db")
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.post("/notes", json={"text": "buy milk"})
    assert response.status_code == 201
