import threading
from collections.abc import Awaitable

from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/thread")
async def thread_id() -> dict[str, int]:
    return {"thread_id": threading.get_ident()}


@app.get("/reply")
async def reply(request: Request) -> dict[str, str]:
    # Stands for any object made in another event loop: a database client,
    # a connection pool, a queue. Here it is whatever the test stored.
    pending: Awaitable[str] = request.app.state.pending_reply
    return {"reply": await pending}
