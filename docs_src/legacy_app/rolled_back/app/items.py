from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from .audit import record
from .db import Item
from .db import SessionLocal as Session  # (1)!

router = APIRouter()


async def get_session() -> AsyncIterator[AsyncSession]:
    async with Session() as session:
        yield session


class ItemIn(BaseModel):
    name: str


@router.post("/items", status_code=201)
async def create_item(
    item: ItemIn,
    session: Annotated[AsyncSession, Depends(get_session)],
    tasks: BackgroundTasks,
) -> dict[str, int | str]:
    row = Item(name=item.name)
    session.add(row)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()  # (2)!
        raise HTTPException(409, f"An item named {item.name!r} exists") from None
    tasks.add_task(record, f"created {item.name}")  # (3)!
    return {"id": row.id, "name": row.name}
