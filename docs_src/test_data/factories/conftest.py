from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from .factories import ItemFactory
from .main import Base, app, get_session, make_engine


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # aiosqlite runs only on asyncio


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db')}/shop.db"


@pytest.fixture(scope="module")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield engine
    async with engine.connect() as connection:  # (1)!
        for table in Base.metadata.sorted_tables:
            rows = await connection.scalar(select(func.count()).select_from(table))
            assert rows == 0, f"{rows} rows left in {table.name}"
    await engine.dispose()


@pytest.fixture
async def session(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncSession]:
    async with engine.connect() as connection:
        transaction = await connection.begin()  # (2)!

        def joined_session() -> AsyncSession:
            return AsyncSession(
                bind=connection,
                join_transaction_mode="create_savepoint",  # (3)!
                expire_on_commit=False,
            )

        async def get_test_session() -> AsyncIterator[AsyncSession]:
            async with joined_session() as session:
                yield session

        monkeypatch.setitem(app.dependency_overrides, get_session, get_test_session)
        async with joined_session() as session:
            monkeypatch.setattr(ItemFactory, "__async_session__", session)  # (4)!
            yield session
        await transaction.rollback()  # (5)!


@pytest.fixture
async def client(
    session: AsyncSession, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    monkeypatch.setenv("DATABASE_URL", database_url)  # (6)!
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client
