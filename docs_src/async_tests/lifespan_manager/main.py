from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypedDict

from fastapi import FastAPI, Request


class State(TypedDict):
    greeting: str


# --8<-- [start:lifespan]
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    # Open here whatever needs the running event loop: pools, clients, queues.
    yield {"greeting": "Hello"}  # (1)!


app = FastAPI(lifespan=lifespan)
# --8<-- [end:lifespan]


@app.get("/greet/{name}")
async def greet(name: str, request: Request) -> dict[str, str]:
    return {"message": f"{request.state.greeting}, {name}!"}  # (2)!
