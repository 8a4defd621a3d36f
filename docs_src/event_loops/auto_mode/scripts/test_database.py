import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

pytestmark = pytest.mark.anyio  # (1)!


async def test_select_one(connection: AsyncConnection) -> None:
    assert await connection.scalar(text("SELECT 1")) == 1


async def test_select_two(connection: AsyncConnection) -> None:
    assert await connection.scalar(text("SELECT 2")) == 2
