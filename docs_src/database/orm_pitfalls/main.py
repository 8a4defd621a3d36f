import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from sqlalchemy import ForeignKey, select
from sqlalchemy.ext.asyncio import (
    AsyncAttrs,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    mapped_column,
    relationship,
    selectinload,
)


class Base(AsyncAttrs, DeclarativeBase):  # (1)!
    pass


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer: Mapped[str]
    lines: Mapped[list["Line"]] = relationship()  # (2)!


class Line(Base):
    __tablename__ = "lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    sku: Mapped[str]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, object]]:
    engine = create_async_engine(os.environ["DATABASE_URL"])
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield {"sessions": async_sessionmaker(engine)}  # (3)!
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.state.sessions() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]


def new_order(customer: str, skus: str) -> Order:
    return Order(customer=customer, lines=[Line(sku=sku) for sku in skus.split(",")])


# --8<-- [start:expired]
@app.post("/orders")
async def create_order(customer: str, skus: str, session: Session) -> dict[str, int]:
    order = new_order(customer, skus)
    session.add(order)
    await session.commit()  # (1)!
    return {"id": order.id}  # (2)!


# --8<-- [end:expired]


# --8<-- [start:lazy]
@app.get("/orders/{order_id}/skus")
async def order_skus(order_id: int, session: Session) -> list[str]:
    order = await session.get(Order, order_id)
    return [line.sku for line in order.lines]  # (1)!


# --8<-- [end:lazy]


# --8<-- [start:refresh]
@app.post("/orders/refreshed")
async def create_order_refreshed(
    customer: str, skus: str, session: Session
) -> dict[str, int]:
    order = new_order(customer, skus)
    session.add(order)
    await session.commit()
    await session.refresh(order)  # (1)!
    return {"id": order.id}


# --8<-- [end:refresh]


# --8<-- [start:no_expire]
async def get_session_no_expire(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.state.sessions(expire_on_commit=False) as session:  # (1)!
        yield session


@app.post("/orders/kept")
async def create_order_kept(
    customer: str,
    skus: str,
    session: Annotated[AsyncSession, Depends(get_session_no_expire)],
) -> dict[str, int]:
    order = new_order(customer, skus)
    session.add(order)
    await session.commit()
    return {"id": order.id}  # (2)!


# --8<-- [end:no_expire]


# --8<-- [start:selectinload]
@app.get("/orders/{order_id}/skus/eager")
async def order_skus_eager(order_id: int, session: Session) -> list[str]:
    query = select(Order).where(Order.id == order_id)
    order = await session.scalar(query.options(selectinload(Order.lines)))  # (1)!
    return [line.sku for line in order.lines]


# --8<-- [end:selectinload]


# --8<-- [start:awaitable_attrs]
@app.get("/orders/{order_id}/skus/awaited")
async def order_skus_awaited(order_id: int, session: Session) -> list[str]:
    order = await session.get(Order, order_id)
    lines = await order.awaitable_attrs.lines  # (1)!
    return [line.sku for line in lines]


# --8<-- [end:awaitable_attrs]
