import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, InvalidRequestError, PendingRollbackError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm.exc import DetachedInstanceError

from .main import User

pytestmark = pytest.mark.anyio


# --8<-- [start:unique]
async def test_row_left_by_an_earlier_test(session: AsyncSession) -> None:
    session.add(User(email="ada@example.com"))
    await session.commit()  # as an earlier test or fixture did
    session.add(User(email="ada@example.com"))  # the same email again
    with pytest.raises(IntegrityError) as error:
        await session.commit()
    assert str(error.value).startswith(
        "(sqlite3.IntegrityError) UNIQUE constraint failed: users.email"
    )
    with pytest.raises(PendingRollbackError) as error:  # the session refuses work
        await session.scalars(select(User))
    assert str(error.value).startswith(
        "This Session's transaction has been rolled back due to a previous "
        "exception during flush."
    )
    await session.rollback()  # until it is rolled back
    assert len((await session.scalars(select(User))).all()) == 1


# --8<-- [end:unique]


# --8<-- [start:begin]
async def test_begin_after_autobegin(session: AsyncSession) -> None:
    await session.scalars(select(User))  # starts a transaction
    with pytest.raises(InvalidRequestError) as error:
        async with session.begin():
            pass  # pragma: no cover (never runs)
    assert str(error.value) == "A transaction is already begun on this Session."


async def test_begin_first(session: AsyncSession) -> None:
    async with session.begin():  # first
        await session.scalars(select(User))
        session.add(User(email="ada@example.com"))
    assert (await session.scalar(select(User.email))) == "ada@example.com"


# --8<-- [end:begin]


# --8<-- [start:detached]
async def test_object_read_after_its_session(engine: AsyncEngine) -> None:
    async with AsyncSession(engine) as session:
        user = User(email="ada@example.com")
        session.add(user)
        await session.commit()  # expires the object's attributes
    with pytest.raises(DetachedInstanceError) as error:
        user.email  # noqa: B018
    assert str(error.value).startswith("Instance <User at 0x")
    assert "is not bound to a Session; attribute refresh operation cannot proceed" in (
        str(error.value)
    )


async def test_object_kept_loaded(engine: AsyncEngine) -> None:
    async with AsyncSession(engine, expire_on_commit=False) as session:
        user = User(email="ada@example.com")
        session.add(user)
        await session.commit()
    assert user.email == "ada@example.com"


# --8<-- [end:detached]
