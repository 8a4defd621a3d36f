from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


async def report_lines() -> AsyncIterator[bytes]:
    yield b"line 1\n"
    raise RuntimeError("report source went away")  # (1)!


@app.get("/report")
async def report() -> StreamingResponse:
    return StreamingResponse(report_lines(), media_type="text/plain")
