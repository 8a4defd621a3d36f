import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from arq import create_pool
from arq.connections import RedisSettings
from fastapi import FastAPI


# --8<-- [start:settings]
def redis_settings() -> RedisSettings:
    settings = RedisSettings.from_dsn(os.environ["REDIS_URL"])
    settings.conn_retries = int(os.environ.get("REDIS_CONN_RETRIES", "5"))  # (1)!
    return settings


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.arq = await create_pool(redis_settings())  # (2)!
    yield
    await app.state.arq.aclose()


# --8<-- [end:settings]
app = FastAPI(lifespan=lifespan)


@app.get("/health")
async def health() -> dict[str, bool]:
    return {"redis": await app.state.arq.ping()}
