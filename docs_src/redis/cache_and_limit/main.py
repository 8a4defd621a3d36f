import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from redis.asyncio import Redis


# --8<-- [start:lifespan]
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.redis = Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    yield  # (1)!
    await app.state.redis.aclose()  # (2)!


app = FastAPI(lifespan=lifespan)


def get_redis(request: Request) -> Redis:
    return request.app.state.redis


RedisDep = Annotated[Redis, Depends(get_redis)]
# --8<-- [end:lifespan]


# --8<-- [start:cache]
CACHE_SECONDS = 60


async def fetch_rate(currency: str) -> str:  # a slow call to another service
    return {"USD": "1.08", "GBP": "0.86"}.get(currency, "1.00")


@app.get("/rates/{currency}")
async def rate(currency: str, redis: RedisDep) -> dict[str, str]:
    key = f"rate:{currency}"
    cached = await redis.get(key)
    if cached is None:
        cached = await fetch_rate(currency)
        await redis.set(key, cached, ex=CACHE_SECONDS)  # (1)!
    return {"currency": currency, "rate": cached}


# --8<-- [end:cache]


# --8<-- [start:limit]
LIMIT, WINDOW_SECONDS = 3, 60
COUNT_HITS = """
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then
    redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return hits
"""  # (1)!


async def rate_limit(redis: RedisDep, x_api_key: Annotated[str, Header()]) -> None:
    hits = await redis.eval(COUNT_HITS, 1, f"hits:{x_api_key}", WINDOW_SECONDS)
    if hits > LIMIT:
        raise HTTPException(429, "Too many orders, try again in a minute")


@app.post("/orders", status_code=201, dependencies=[Depends(rate_limit)])
async def place_order() -> dict[str, str]:
    return {"status": "placed"}


# --8<-- [end:limit]
