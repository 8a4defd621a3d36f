# --8<-- [start:models]
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypedDict

from fastapi import Depends, FastAPI, HTTPException, Request
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel import Field, SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession


class ProductIn(SQLModel):
    name: str = Field(min_length=1, max_length=50)
    price: int = Field(ge=0)  # in cents


class Product(ProductIn, table=True):
    __tablename__ = "products"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=50, unique=True)


# --8<-- [end:models]
def make_engine(url: str) -> AsyncEngine:
    engine = create_async_engine(url)
    if engine.dialect.name == "sqlite":  # as on the Database page

        @event.listens_for(engine.sync_engine, "connect")
        def configure(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine.sync_engine, "begin")
        def emit_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

    return engine


# --8<-- [start:app]
class State(TypedDict):
    sessionmaker: async_sessionmaker[AsyncSession]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    url = os.environ.get("DATABASE_URL", "sqlite+aiosqlite:///products.db")
    engine = make_engine(url)
    async with engine.begin() as connection:
        await connection.run_sync(SQLModel.metadata.create_all)  # (1)!
    yield {
        "sessionmaker": async_sessionmaker(
            engine,
            class_=AsyncSession,
            expire_on_commit=False,  # (2)!
        )
    }
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.state.sessionmaker() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]


@app.post("/products", status_code=201)
async def create_product(product: ProductIn, session: Session) -> Product:
    row = Product.model_validate(product)
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        raise HTTPException(409, f"A product named {product.name!r} exists") from None
    return row


@app.get("/products/{product_id}")
async def read_product(product_id: int, session: Session) -> Product:
    row = await session.get(Product, product_id)
    if row is None:
        raise HTTPException(404, "Product not found")
    return row


# --8<-- [end:app]
