from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI


@asynccontextmanager
async def failing_lifespan(app: FastAPI) -> AsyncIterator[None]:
    raise RuntimeError("inventory unavailable")  # (1)!
    yield


@asynccontextmanager
async def slow_startup(app: FastAPI) -> AsyncIterator[None]:
    await anyio.sleep(0.2)  # (2)!
    yield


@asynccontextmanager
async def slow_shutdown(app: FastAPI) -> AsyncIterator[None]:
    yield
    await anyio.sleep(1)  # (3)!


failing_app = FastAPI(lifespan=failing_lifespan)
slow_startup_app = FastAPI(lifespan=slow_startup)
slow_shutdown_app = FastAPI(lifespan=slow_shutdown)
