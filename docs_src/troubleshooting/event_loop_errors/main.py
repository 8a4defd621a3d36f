import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI

ready = asyncio.Event()  # made at import, outside any event loop


async def fetch_rate() -> float:
    await asyncio.sleep(0)
    return 1.1


def fetch_rate_now() -> float:
    return asyncio.run(fetch_rate())  # starts an event loop of its own


def fetch_rate_from_thread() -> float:
    return anyio.from_thread.run(fetch_rate)  # for code in a worker thread


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.worker = asyncio.create_task(asyncio.sleep(3600))  # never cancelled
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/legacy-rate")
def legacy_rate() -> dict:
    # A sync endpoint runs in a worker thread, which has no event loop.
    return {"rate": asyncio.get_event_loop().run_until_complete(fetch_rate())}


@app.get("/rate")
async def rate() -> dict:
    return {"rate": await fetch_rate()}
