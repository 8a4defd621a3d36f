from collections.abc import Iterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import Engine, StaticPool, create_engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlmodel import Session, SQLModel

from .main import app, get_session


async def post_a_hero(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> int:
    """The `connection` fixture and one request, inlined, on the given engine."""
    SQLModel.metadata.create_all(engine)
    with engine.connect() as connection:
        transaction = connection.begin()

        def get_test_session() -> Iterator[Session]:
            with Session(
                bind=connection, join_transaction_mode="create_savepoint"
            ) as s:
                yield s

        monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
        transport = ASGITransport(app=app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.post("/heroes", json={"name": "Deadpond"})
        transaction.rollback()
    return response.status_code


# --8<-- [start:threads]
@pytest.mark.anyio
async def test_in_memory_sqlite_refuses_the_threadpool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = create_engine("sqlite://")  # (1)!
    with pytest.raises(
        ProgrammingError,
        match="SQLite objects created in a thread can only be used in that same thread",
    ):
        await post_a_hero(engine, monkeypatch)
    engine.dispose()


@pytest.mark.anyio
async def test_in_memory_sqlite_for_every_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = create_engine(
        "sqlite://",
        connect_args={"check_same_thread": False},  # (2)!
        poolclass=StaticPool,  # (3)!
    )
    assert await post_a_hero(engine, monkeypatch) == 201
    engine.dispose()


@pytest.mark.anyio
async def test_in_memory_app_database_has_no_tables_in_the_threadpool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite://")  # (4)!
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            with pytest.raises(OperationalError, match="no such table: heroes"):
                await client.post("/heroes", json={"name": "Deadpond"})


# --8<-- [end:threads]
