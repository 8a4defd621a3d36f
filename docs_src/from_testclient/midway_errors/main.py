from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import BackgroundTasks, FastAPI

audit_log: list[str] = []


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield


app = FastAPI(lifespan=lifespan)


async def write_audit_entry(entry: str) -> None:
    if entry == "refund":
        raise RuntimeError("the audit log rejected 'refund'")
    audit_log.append(entry)


@app.post("/orders/{action}")
async def order(action: str, tasks: BackgroundTasks) -> dict[str, str]:
    tasks.add_task(write_audit_entry, action)  # runs after the response is sent
    return {"status": "accepted"}
