from pathlib import Path

import pytest
from httpx2 import AsyncClient
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from .conftest import assert_no_rows_left
from .main import Base, Review, make_engine


# --8<-- [start:foreign_keys]
@pytest.mark.anyio
async def test_review_of_a_missing_item_is_404_and_writes_nothing(
    client: AsyncClient, connection: AsyncConnection
) -> None:
    response = await client.post(
        "/items/999999/reviews", json={"stars": 5}, headers={"X-User": "ada"}
    )
    assert response.status_code == 404

    count = await connection.scalar(select(func.count()).select_from(Review))
    assert count == 0  # (1)!


@pytest.mark.anyio
async def test_sqlite_accepts_an_orphan_row_by_default(tmp_path: Path) -> None:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path}/plain.db")
    try:
        async with engine.connect() as connection:
            await connection.run_sync(Base.metadata.create_all)
            await connection.execute(
                insert(Review).values(item_id=999999, reviewer="ada", stars=5)
            )
            count = await connection.scalar(select(func.count()).select_from(Review))
    finally:
        await engine.dispose()
    assert count == 1  # (2)!


@pytest.mark.anyio
async def test_make_engine_turns_foreign_keys_on(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/checked.db")
    try:
        async with engine.connect() as connection:
            await connection.run_sync(Base.metadata.create_all)
            with pytest.raises(IntegrityError, match="FOREIGN KEY constraint failed"):
                await connection.execute(
                    insert(Review).values(item_id=999999, reviewer="ada", stars=5)
                )
    finally:
        await engine.dispose()


# --8<-- [end:foreign_keys]


# --8<-- [start:leftover]
@pytest.mark.anyio
async def test_leftover_check_names_the_table(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/leftover.db"
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
            orphan = insert(Review).values(item_id=1, reviewer="ada", stars=5)
            await connection.execute(orphan)  # (1)!
    finally:
        await engine.dispose()

    with pytest.raises(AssertionError, match=r"(?m)^rows left behind: reviews \(1\)$"):
        await assert_no_rows_left(url)


# --8<-- [end:leftover]
