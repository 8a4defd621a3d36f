import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import ArgumentError, ObjectNotExecutableError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session

from .main import Base, User

pytestmark = pytest.mark.anyio


# --8<-- [start:query]
async def test_legacy_query(session: AsyncSession) -> None:
    with pytest.raises(AttributeError) as error:
        session.query(User)  # type: ignore[attr-defined]
    assert str(error.value) == "'AsyncSession' object has no attribute 'query'"


async def test_select(session: AsyncSession) -> None:
    session.add(User(email="ada@example.com"))
    users = (await session.scalars(select(User))).all()
    assert [user.email for user in users] == ["ada@example.com"]


# --8<-- [end:query]


# --8<-- [start:text]
async def test_plain_string(session: AsyncSession, engine: AsyncEngine) -> None:
    with pytest.raises(ArgumentError) as error:
        await session.execute("SELECT 1")  # type: ignore[call-overload]
    assert str(error.value) == (
        "Textual SQL expression 'SELECT 1' should be explicitly declared as "
        "text('SELECT 1')"
    )
    async with engine.connect() as connection:
        with pytest.raises(ObjectNotExecutableError) as error:
            await connection.execute("SELECT 1")  # type: ignore[call-overload]
    assert str(error.value) == "Not an executable object: 'SELECT 1'"


async def test_text(session: AsyncSession) -> None:
    assert (await session.execute(text("SELECT 1"))).scalar() == 1


# --8<-- [end:text]


# --8<-- [start:await-result]
async def test_result_awaited(session: AsyncSession) -> None:
    result = await session.execute(select(User))
    with pytest.raises(TypeError) as error:
        await result.scalars()  # type: ignore[misc]
    assert str(error.value) == "object ScalarResult can't be used in 'await' expression"


async def test_sync_session_awaited() -> None:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as session:  # a sync session, by mistake
        with pytest.raises(TypeError) as error:
            await session.execute(select(User))  # type: ignore[misc]
    assert str(error.value) == (
        "object ChunkedIteratorResult can't be used in 'await' expression"
    )
    engine.dispose()


# --8<-- [end:await-result]
