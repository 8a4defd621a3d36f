import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from .conftest import admin


# --8<-- [start:drop]
@pytest.mark.anyio
async def test_drop_fails_while_an_engine_holds_connections(
    server: str, scratch_database: str, scratch_url: str
) -> None:
    engine = create_async_engine(scratch_url)
    async with engine.connect() as connection:
        await connection.execute(text("SELECT 1"))  # (1)!

    with pytest.raises(
        asyncpg.ObjectInUseError, match="is being accessed by other users"
    ):  # (2)!
        await admin(server, f'DROP DATABASE "{scratch_database}"')

    await engine.dispose()  # (3)!
    await admin(server, f'DROP DATABASE "{scratch_database}"')


@pytest.mark.anyio
async def test_drop_with_force_ends_the_other_sessions(
    server: str, scratch_database: str, scratch_url: str
) -> None:
    engine = create_async_engine(scratch_url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        await admin(server, f'DROP DATABASE "{scratch_database}" WITH (FORCE)')  # (4)!
    finally:
        await engine.dispose()


# --8<-- [end:drop]
