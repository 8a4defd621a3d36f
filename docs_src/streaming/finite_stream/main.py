from collections.abc import AsyncIterator

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()
produced: list[str] = []  # (1)!


async def countdown(start: int) -> AsyncIterator[str]:
    for number in range(start, 0, -1):
        produced.append(str(number))
        yield f"{number}\n"


@app.get("/countdown/{start}")
async def stream_countdown(start: int) -> StreamingResponse:
    return StreamingResponse(countdown(start), media_type="text/plain")
