import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from arq import create_pool
from arq.connections import ArqRedis, RedisSettings
from fastapi import Depends, FastAPI, Request


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.arq = await create_pool(RedisSettings.from_dsn(os.environ["REDIS_URL"]))
    yield
    await app.state.arq.aclose()  # (1)!


app = FastAPI(lifespan=lifespan)


def get_arq(request: Request) -> ArqRedis:
    return request.app.state.arq


@app.post("/reports/{user_id}", status_code=202)
async def request_report(
    user_id: int, arq: Annotated[ArqRedis, Depends(get_arq)]
) -> dict[str, str]:
    job = await arq.enqueue_job("build_report", user_id)  # (2)!
    return {"job_id": job.job_id}
