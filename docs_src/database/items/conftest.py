from collections.abc import AsyncIterator, Iterator

import anyio
import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from .main import Base, Item, app, get_session, make_engine


# --8<-- [start:backend]
@pytest.fixture(scope="module", params=["asyncio"])  # (1)!
def anyio_backend(request: pytest.FixtureRequest) -> str:
    return request.param


# --8<-- [end:backend]


# --8<-- [start:database]
async def count_items(url: str) -> int:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.scalar(select(func.count()).select_from(Item))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])  # (1)!
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite')}/items.db"
    else:
        url = request.getfixturevalue("postgresql_url")  # (2)!
    yield url
    leftover = anyio.run(count_items, url)  # (3)!
    assert leftover == 0, f"{leftover} test rows left in {request.param}"


@pytest.fixture(scope="module")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(database_url)  # (4)!
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield engine
    await engine.dispose()  # (5)!


# --8<-- [end:database]


# --8<-- [start:rollback]
@pytest.fixture
async def connection(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        transaction = await connection.begin()  # (1)!

        async def get_test_session() -> AsyncIterator[AsyncSession]:
            async with AsyncSession(
                bind=connection,
                join_transaction_mode="create_savepoint",  # (2)!
                expire_on_commit=False,
            ) as session:
                yield session

        app.dependency_overrides[get_session] = get_test_session  # (3)!
        try:
            yield connection
        finally:
            del app.dependency_overrides[get_session]  # (4)!
            await transaction.rollback()  # (5)!


@pytest.fixture
async def client(connection: AsyncConnection) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


# --8<-- [end:rollback]
