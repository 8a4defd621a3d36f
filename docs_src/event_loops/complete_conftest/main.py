import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from sqlalchemy import URL, event, select
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
    name: Mapped[str]


def make_engine(url: str | URL) -> AsyncEngine:
    engine = create_async_engine(url)
    if engine.dialect.name == "sqlite":  # (1)!

        @event.listens_for(engine.sync_engine, "connect")
        def let_sqlalchemy_begin(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine.sync_engine, "begin")
        def emit_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

    return engine


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, object]]:
    engine = make_engine(os.environ["DATABASE_URL"])
    yield {"sessions": async_sessionmaker(engine, expire_on_commit=False)}
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.state.sessions() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]


@app.post("/items", status_code=201)
async def create_item(name: str, session: Session) -> dict[str, int | str]:
    item = Item(name=name)
    session.add(item)
    await session.commit()
    return {"id": item.id, "name": name}


@app.get("/items")
async def list_items(session: Session) -> list[str]:
    return list(await session.scalars(select(Item.name).order_by(Item.id)))
