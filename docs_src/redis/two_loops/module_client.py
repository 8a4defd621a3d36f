import os

from fastapi import FastAPI
from redis.asyncio import Redis

redis = Redis.from_url(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))  # (1)!
app = FastAPI()


@app.post("/visits")
async def count_visit() -> dict[str, int]:
    return {"visits": await redis.incr("visits")}
