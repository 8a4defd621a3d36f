from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypedDict

from fastapi import FastAPI, Request


class Inventory:
    """Stands for a connection pool: opened at startup, closed at shutdown."""

    def __init__(self) -> None:
        self.stock = {"apples": 3}
        self.closed = False

    async def close(self) -> None:
        self.closed = True


class State(TypedDict):
    inventory: Inventory


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    inventory = Inventory()  # (1)!
    yield {"inventory": inventory}  # (2)!
    await inventory.close()


app = FastAPI(lifespan=lifespan)


@app.get("/stock/{item}")
async def stock(item: str, request: Request) -> dict[str, int]:
    inventory: Inventory = request.state.inventory  # (3)!
    return {item: inventory.stock.get(item, 0)}
