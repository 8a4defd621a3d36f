import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from redis.asyncio import Redis


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.redis = Redis.from_url(
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )  # (1)!
    yield
    await app.state.redis.aclose()  # (2)!


app = FastAPI(lifespan=lifespan)


@app.post("/visits")
async def count_visit(request: Request) -> dict[str, int]:
    return {"visits": await request.app.state.redis.incr("visits")}
