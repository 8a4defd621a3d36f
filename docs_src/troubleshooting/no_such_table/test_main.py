import pytest
from httpx2 import AsyncClient
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import create_async_engine

from . import main

pytestmark = pytest.mark.anyio


# --8<-- [start:error]
async def test_tables_on_another_engine(client: AsyncClient) -> None:
    engine = create_async_engine("sqlite+aiosqlite://")  # (1)!
    async with engine.begin() as connection:
        await connection.run_sync(main.Base.metadata.create_all)
    with pytest.raises(OperationalError) as error:
        await client.get("/items")
    assert str(error.value).startswith(
        "(sqlite3.OperationalError) no such table: items\n"
    )
    await engine.dispose()


# --8<-- [end:error]


# --8<-- [start:fix]
async def test_tables_on_the_app_engine(client: AsyncClient) -> None:
    async with main.engine.begin() as connection:  # (1)!
        await connection.run_sync(main.Base.metadata.create_all)
    try:
        assert (await client.get("/items")).json() == []
    finally:
        await main.engine.dispose()  # (2)!


# --8<-- [end:fix]
