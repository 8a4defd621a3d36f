from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, ResourceClosedError, SAWarning
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from .main import Base, Note, make_engine


async def count_notes(connection: AsyncConnection) -> int:
    return await connection.scalar(select(func.count()).select_from(Note))


# --8<-- [start:deassociated]
@pytest.mark.anyio
async def test_a_session_without_savepoints_ends_the_test_transaction(
    engine: AsyncEngine,
) -> None:
    async with engine.connect() as connection:
        transaction = await connection.begin()
        await connection.execute(insert(Note).values(text="written by the test"))

        async with AsyncSession(bind=connection) as session:  # (1)!
            session.add(Note(text="written by the app"))
            await session.flush()
            await session.rollback()  # the app's rollback, after an error
        assert await count_notes(connection) == 0  # (2)!

        with pytest.warns(
            SAWarning, match="transaction already deassociated from connection"
        ):
            await transaction.rollback()  # (3)!


@pytest.mark.anyio
async def test_a_commit_in_the_test_ends_the_test_transaction(
    engine: AsyncEngine,
) -> None:
    async with engine.connect() as connection:
        transaction = await connection.begin()
        await connection.commit()  # (4)!
        with pytest.warns(
            SAWarning, match="transaction already deassociated from connection"
        ):
            await transaction.rollback()


# --8<-- [end:deassociated]
# --8<-- [start:closed]
@asynccontextmanager
async def misindented(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as connection:
        transaction = await connection.begin()
    yield connection  # (1)!
    await transaction.rollback()


@pytest.mark.anyio
async def test_yield_outside_the_block_hands_over_a_closed_connection(
    engine: AsyncEngine,
) -> None:
    with pytest.warns(SAWarning, match="transaction already deassociated"):  # noqa: PT031
        async with misindented(engine) as connection:
            with pytest.raises(ResourceClosedError, match="This Connection is closed"):
                await count_notes(connection)


# --8<-- [end:closed]
# --8<-- [start:aborted]
@pytest.mark.anyio
async def test_a_failed_statement_aborts_the_transaction_on_postgresql(
    scratch_url: str,
) -> None:
    engine = make_engine(scratch_url)
    try:
        async with engine.connect() as connection:
            transaction = await connection.begin()
            await connection.run_sync(Base.metadata.create_all)
            note = await connection.scalar(
                insert(Note).values(text="first").returning(Note.id)
            )
            with pytest.raises(IntegrityError):
                await connection.execute(insert(Note).values(id=note, text="again"))
            with pytest.raises(
                DBAPIError,
                match="current transaction is aborted, commands ignored until end of "
                "transaction block",
            ):
                await count_notes(connection)  # (1)!
            await transaction.rollback()
    finally:
        await engine.dispose()


@pytest.mark.anyio
async def test_a_savepoint_keeps_the_transaction_usable(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        transaction = await connection.begin()
        note = await connection.scalar(
            insert(Note).values(text="first").returning(Note.id)
        )
        with pytest.raises(IntegrityError):
            async with connection.begin_nested():  # (2)!
                await connection.execute(insert(Note).values(id=note, text="again"))
        assert await count_notes(connection) == 1
        await transaction.rollback()


# --8<-- [end:aborted]
