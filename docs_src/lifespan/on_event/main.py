from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypedDict

from fastapi import FastAPI, Request

from .inventory import Inventory


class State(TypedDict):
    inventory: Inventory


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    inventory = Inventory()  # was: @app.on_event("startup")
    yield {"inventory": inventory}
    await inventory.close()  # was: @app.on_event("shutdown")


app = FastAPI(lifespan=lifespan)


@app.get("/stock/{item}")
async def stock(item: str, request: Request) -> dict[str, int]:
    return {item: request.state.inventory.stock.get(item, 0)}
