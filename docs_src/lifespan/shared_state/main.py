from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
    yield {"visits": [], "last_visitor": None}


app = FastAPI(lifespan=lifespan)


@app.post("/visit/{name}")
async def visit(name: str, request: Request) -> dict[str, Any]:
    seen = {"visits": list(request.state.visits), "last": request.state.last_visitor}
    request.state.visits.append(name)  # (1)!
    request.state.last_visitor = name  # (2)!
    return seen
