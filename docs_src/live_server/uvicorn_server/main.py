from collections.abc import AsyncIterator

import anyio
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


@app.get("/ping")
async def ping() -> dict[str, str]:
    return {"status": "ok"}


async def ticks() -> AsyncIterator[str]:
    number = 0
    while True:  # endless: only a real connection can stop reading it
        number += 1
        yield f"tick {number}\n"
        await anyio.sleep(0.01)


@app.get("/ticks")
async def stream_ticks() -> StreamingResponse:
    return StreamingResponse(ticks(), media_type="text/plain")
