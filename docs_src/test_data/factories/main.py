import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypedDict

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import String, event, select
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


# --8<-- [start:models]
class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    price: Mapped[int]  # in cents


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: int = Field(ge=0)


class ItemOut(ItemIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


# --8<-- [end:models]
def make_engine(url: str) -> AsyncEngine:
    """An engine whose SQLite connections let SQLAlchemy run the transactions."""
    engine = create_async_engine(url)

    @event.listens_for(engine.sync_engine, "connect")
    def let_sqlalchemy_begin(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine.sync_engine, "begin")
    def emit_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


class State(TypedDict):
    sessionmaker: async_sessionmaker[AsyncSession]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    engine = make_engine(os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///shop.db"))
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield {"sessionmaker": async_sessionmaker(engine, expire_on_commit=False)}
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.state.sessionmaker() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]


@app.post("/items", status_code=201)
async def create_item(item: ItemIn, session: Session) -> ItemOut:
    row = Item(name=item.name, price=item.price)
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        raise HTTPException(409, f"An item named {item.name!r} exists") from None
    return ItemOut.model_validate(row)


@app.get("/items")
async def list_items(session: Session) -> list[ItemOut]:
    rows = await session.scalars(select(Item).order_by(Item.name))
    return [ItemOut.model_validate(row) for row in rows]


@app.get("/items/{item_id}")
async def read_item(item_id: int, session: Session) -> ItemOut:
    row = await session.get(Item, item_id)
    if row is None:
        raise HTTPException(404, "Item not found")
    return ItemOut.model_validate(row)
