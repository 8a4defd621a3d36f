from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, TypedDict

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel


class Item(BaseModel):
    name: str


class ItemStore:
    """Keeps items behind an async API, as an async database client would."""

    def __init__(self) -> None:
        self._items: dict[int, str] = {}

    async def add(self, name: str) -> int:
        item_id = len(self._items) + 1
        self._items[item_id] = name
        return item_id

    async def get(self, item_id: int) -> str | None:
        return self._items.get(item_id)


class State(TypedDict):
    store: ItemStore


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    yield {"store": ItemStore()}  # opened at startup, like a connection pool


app = FastAPI(lifespan=lifespan)


def get_store(request: Request) -> ItemStore:
    return request.state.store


async def get_user() -> str:
    """A real app reads a token here; the tests replace this dependency."""
    raise HTTPException(status_code=401, detail="Not authenticated")


@app.post("/items", status_code=201)
async def create_item(
    item: Item,
    store: Annotated[ItemStore, Depends(get_store)],
    user: Annotated[str, Depends(get_user)],
) -> dict[str, int | str]:
    return {"id": await store.add(item.name), "owner": user}


@app.get("/items/{item_id}")
async def read_item(
    item_id: int, store: Annotated[ItemStore, Depends(get_store)]
) -> dict[str, str]:
    name = await store.get(item_id)
    if name is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return {"name": name}
