from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypedDict

from fastapi import FastAPI, Request


class State(TypedDict):
    catalog: dict[str, int]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:  # (1)!
    yield {"catalog": {"basil": 3}}


app = FastAPI(lifespan=lifespan)


@app.get("/price/{sku}")
async def price(sku: str, request: Request) -> dict[str, int]:
    return {"price": request.state.catalog[sku]}  # (2)!
