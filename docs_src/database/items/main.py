# --8<-- [start:models]
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypedDict

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ForeignKey, String, event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)  # (1)!
    price: Mapped[int]  # in cents


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))  # (2)!
    reviewer: Mapped[str] = mapped_column(String(50))
    stars: Mapped[int]


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: int = Field(ge=0)  # (3)!


class ItemOut(ItemIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


class ReviewIn(BaseModel):
    stars: int = Field(ge=1, le=5)


# --8<-- [end:models]


# --8<-- [start:make_engine]
def make_engine(url: str) -> AsyncEngine:
    engine = create_async_engine(url)
    if engine.dialect.name == "sqlite":  # (1)!

        @event.listens_for(engine.sync_engine, "connect")
        def configure(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None  # (2)!
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")  # (3)!
            cursor.close()

        @event.listens_for(engine.sync_engine, "begin")
        def emit_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")  # (4)!

    return engine


# --8<-- [end:make_engine]


# --8<-- [start:lifespan]
class State(TypedDict):
    sessionmaker: async_sessionmaker[AsyncSession]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    engine = make_engine(os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///items.db"))
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield {"sessionmaker": async_sessionmaker(engine, expire_on_commit=False)}
    await engine.dispose()  # (1)!


app = FastAPI(lifespan=lifespan)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.state.sessionmaker() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]


async def get_reviewer(x_user: Annotated[str | None, Header()] = None) -> str:
    if x_user is None:  # a stand-in for real authentication
        raise HTTPException(401, "Not signed in")
    return x_user


Reviewer = Annotated[str, Depends(get_reviewer)]
# --8<-- [end:lifespan]


# --8<-- [start:endpoints]
@app.post("/items", status_code=201)
async def create_item(item: ItemIn, session: Session) -> ItemOut:
    row = Item(name=item.name, price=item.price)
    session.add(row)
    try:
        await session.commit()  # (1)!
    except IntegrityError:
        await session.rollback()
        raise HTTPException(409, f"An item named {item.name!r} exists") from None
    return ItemOut.model_validate(row)


@app.get("/items/{item_id}")
async def read_item(item_id: int, session: Session) -> ItemOut:
    row = await session.get(Item, item_id)
    if row is None:
        raise HTTPException(404, "Item not found")
    return ItemOut.model_validate(row)


@app.post("/items/{item_id}/reviews", status_code=201)
async def review_item(
    item_id: int, review: ReviewIn, session: Session, reviewer: Reviewer
) -> ReviewIn:
    session.add(Review(item_id=item_id, reviewer=reviewer, stars=review.stars))
    try:
        await session.commit()
    except IntegrityError:  # (2)!
        await session.rollback()
        raise HTTPException(404, "Item not found") from None
    return review


# --8<-- [end:endpoints]
