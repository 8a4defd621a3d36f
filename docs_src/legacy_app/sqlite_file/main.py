from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI
from pydantic import BaseModel
from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_async_engine("sqlite+aiosqlite:///./production.db")  # (1)!
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)  # (2)!


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(100))


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    async with engine.begin() as connection:  # (3)!
        await connection.run_sync(Base.metadata.create_all)
    yield
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session


async def write_audit(action: str) -> None:
    async with SessionLocal() as session:  # (4)!
        session.add(AuditEntry(action=action))
        await session.commit()


class ItemIn(BaseModel):
    name: str


@app.post("/items", status_code=201)
async def create_item(
    item: ItemIn,
    session: Annotated[AsyncSession, Depends(get_session)],
    tasks: BackgroundTasks,
) -> dict[str, int | str]:
    row = Item(name=item.name)
    session.add(row)
    await session.commit()
    tasks.add_task(write_audit, f"created {item.name}")
    return {"id": row.id, "name": row.name}
