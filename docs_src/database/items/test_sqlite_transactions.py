from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from .main import Base, Item, app, get_session, make_engine


async def rows_after_rolled_back_request(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> int:
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)

    transport = ASGITransport(app=app)
    async with (
        AsyncClient(transport=transport, base_url="http://test") as client,
        engine.connect() as connection,  # the `connection` fixture, inlined
    ):
        transaction = await connection.begin()

        async def get_test_session() -> AsyncIterator[AsyncSession]:
            async with AsyncSession(
                bind=connection,
                join_transaction_mode="create_savepoint",
                expire_on_commit=False,
            ) as session:
                yield session

        monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
        try:
            response = await client.post("/items", json={"name": "lamp", "price": 1})
            assert response.status_code == 201
        finally:
            await transaction.rollback()

    async with engine.connect() as connection:  # (1)!
        return await connection.scalar(select(func.count()).select_from(Item))


@pytest.mark.parametrize(
    ("engine_factory", "rows_left"),
    [
        pytest.param(create_async_engine, 1, id="sqlite3-default"),  # (2)!
        pytest.param(make_engine, 0, id="sqlalchemy-begins"),  # (3)!
    ],
)
@pytest.mark.anyio
async def test_rows_left_after_the_test_transaction_rolls_back(
    engine_factory: Callable[[str], AsyncEngine],
    rows_left: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = engine_factory(f"sqlite+aiosqlite:///{tmp_path}/trap.db")
    try:
        assert await rows_after_rolled_back_request(engine, monkeypatch) == rows_left
    finally:
        await engine.dispose()
