import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import FastAPI, Header, HTTPException

from . import ratelimit


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    ratelimit.init(os.environ["REDIS_URL"])  # (1)!
    yield  # (2)!


app = FastAPI(lifespan=lifespan)


@app.get("/search")
async def search(q: str, x_api_key: Annotated[str, Header()]) -> dict[str, str]:
    if not await ratelimit.allow(x_api_key, limit=2, seconds=60):
        raise HTTPException(429, "Too many searches")
    return {"q": q}
