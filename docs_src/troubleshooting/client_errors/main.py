from typing import Annotated

from fastapi import Body, FastAPI, Request
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    price: float


ITEMS = {1: {"name": "hammer", "price": 9.5}, 2: {"name": "saw"}}  # (1)!


@app.get("/items/{item_id}", response_model=Item)
async def read_item(item_id: int) -> dict:
    return ITEMS[item_id]  # (2)!


@app.delete("/items")
async def delete_items(ids: Annotated[list[int], Body()]) -> dict:
    return {"deleted": ids}


@app.post("/notes")
async def add_note(request: Request) -> dict:
    return {"length": len(await request.body())}
