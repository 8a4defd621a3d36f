from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

startups: list[int] = []  # one entry per lifespan startup


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, int]]:
    startups.append(len(startups) + 1)  # (1)!
    yield {"startup": len(startups)}


app = FastAPI(lifespan=lifespan)


@app.get("/startup")
async def startup(request: Request) -> dict[str, int]:
    return {"startup": request.state.startup}
