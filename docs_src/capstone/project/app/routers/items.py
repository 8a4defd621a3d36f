from fastapi import APIRouter, Depends, HTTPException, Response
from pydantic import BaseModel, ConfigDict, Field

from ..auth import require_token
from ..database import Item, Session
from ..webhook import Webhook, notify

router = APIRouter(prefix="/items", dependencies=[Depends(require_token)])  # (1)!


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: int = Field(ge=0)


class ItemPatch(BaseModel):
    price: int = Field(ge=0)


class ItemOut(ItemIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


async def find(session: Session, item_id: int) -> Item:
    item = await session.get(Item, item_id)
    if item is None:
        raise HTTPException(404, "Item not found")
    return item


@router.post("", status_code=201)
async def create_item(item: ItemIn, session: Session, webhook: Webhook) -> ItemOut:
    row = Item(name=item.name, price=item.price)
    session.add(row)
    await session.commit()
    await notify(webhook, "item.created", row.id)  # (2)!
    return ItemOut.model_validate(row)


@router.get("/{item_id}")
async def read_item(item_id: int, session: Session) -> ItemOut:
    return ItemOut.model_validate(await find(session, item_id))


@router.patch("/{item_id}")
async def update_item(item_id: int, patch: ItemPatch, session: Session) -> ItemOut:
    row = await find(session, item_id)
    row.price = patch.price
    await session.commit()
    return ItemOut.model_validate(row)


@router.delete("/{item_id}", status_code=204)
async def delete_item(item_id: int, session: Session) -> Response:
    await session.delete(await find(session, item_id))
    await session.commit()
    return Response(status_code=204)
