from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from .main import Base, Order, Payment

pytestmark = pytest.mark.anyio


# --8<-- [start:naive-column]
async def test_aware_datetime_in_a_naive_column(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        await connection.run_sync(Base.metadata.create_all)
        with pytest.raises(DBAPIError) as error:
            await connection.execute(
                insert(Order).values(placed_at=datetime.now(UTC))  # (1)!
            )
    assert str(error.value).startswith(
        "(sqlalchemy.dialects.postgresql.asyncpg.Error) "
        "invalid input for query argument $1: datetime.datetime("
    )
    assert str(error.value.orig).endswith(
        "(can't subtract offset-naive and offset-aware datetimes)"
    )


async def test_aware_datetime_in_an_aware_column(engine: AsyncEngine) -> None:
    now = datetime.now(UTC)
    async with engine.connect() as connection:
        await connection.run_sync(Base.metadata.create_all)
        await connection.execute(insert(Payment).values(paid_at=now))
        assert await connection.scalar(select(Payment.paid_at)) == now  # (2)!


# --8<-- [end:naive-column]
