# --8<-- [start:models]
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field
from tortoise import fields
from tortoise.contrib.fastapi import RegisterTortoise
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction


class Item(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, unique=True)
    price = fields.IntField()  # in cents


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: int = Field(ge=0)


class ItemOut(ItemIn):
    id: int


# --8<-- [end:models]
# --8<-- [start:config]
def tortoise_config(url: str) -> dict[str, Any]:
    name = url.split("://", 1)[0]  # (1)!
    return {
        "connections": {name: url},
        "apps": {"models": {"models": [__name__], "default_connection": name}},
    }


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    url = os.environ.get("DATABASE_URL", "sqlite://items.db")
    async with RegisterTortoise(app, config=tortoise_config(url)):  # (2)!
        yield  # (3)!


app = FastAPI(lifespan=lifespan)
# --8<-- [end:config]


# --8<-- [start:endpoints]
@app.post("/items", status_code=201)
async def create_item(item: ItemIn) -> ItemOut:
    try:
        async with in_transaction():  # (1)!
            row = await Item.create(name=item.name, price=item.price)
    except IntegrityError:
        raise HTTPException(409, f"An item named {item.name!r} exists") from None
    return ItemOut(id=row.id, name=row.name, price=row.price)


@app.get("/items/{item_id}")
async def read_item(item_id: int) -> ItemOut:
    row = await Item.get_or_none(id=item_id)
    if row is None:
        raise HTTPException(404, "Item not found")
    return ItemOut(id=row.id, name=row.name, price=row.price)


# --8<-- [end:endpoints]
