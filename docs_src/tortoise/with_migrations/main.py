import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, Field
from tortoise import fields
from tortoise.contrib.fastapi import RegisterTortoise
from tortoise.models import Model


class Item(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, unique=True)
    price = fields.IntField()  # in cents


class ItemIn(BaseModel):
    name: str = Field(min_length=1, max_length=50)
    price: int = Field(ge=0)


# --8<-- [start:config]
def tortoise_config(url: str) -> dict[str, Any]:
    name = url.split("://", 1)[0]
    return {
        "connections": {name: url},
        "apps": {
            "models": {
                "models": [__name__, "aerich.models"],  # (1)!
                "default_connection": name,
            }
        },
    }


# --8<-- [end:config]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    url = os.environ.get("DATABASE_URL", "sqlite://items.db")
    async with RegisterTortoise(app, config=tortoise_config(url)):
        yield


app = FastAPI(lifespan=lifespan)


@app.post("/items", status_code=201)
async def create_item(item: ItemIn) -> dict[str, int]:
    row = await Item.create(name=item.name, price=item.price)
    return {"id": row.id}
