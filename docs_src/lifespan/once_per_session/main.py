from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import sniffio
from fastapi import FastAPI, Request

startups: list[str] = []  # one entry per lifespan startup, named by backend


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, str | int]]:
    backend = sniffio.current_async_library()
    startups.append(backend)  # (1)!
    yield {"backend": backend, "startup": len(startups)}


app = FastAPI(lifespan=lifespan)


@app.get("/backend")
async def backend(request: Request) -> dict[str, str | int]:
    return {"backend": request.state.backend, "startup": request.state.startup}
