from collections.abc import AsyncIterable

from fastapi import FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent

app = FastAPI()


@app.get("/prices", response_class=EventSourceResponse)  # (1)!
async def stream_prices() -> AsyncIterable[ServerSentEvent]:
    for number, price in enumerate([101, 99, 102], start=1):
        yield ServerSentEvent(
            data={"price": price}, event="price", id=str(number)
        )  # (2)!
