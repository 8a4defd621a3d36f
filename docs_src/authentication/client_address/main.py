from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypedDict

from fastapi import Depends, FastAPI, HTTPException, Request, status
from pydantic import BaseModel

MAX_ATTEMPTS = 3


class State(TypedDict):
    attempts: Counter[str]


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    yield {"attempts": Counter()}  # (2)!


app = FastAPI(lifespan=lifespan)


class Credentials(BaseModel):
    username: str
    password: str


# --8<-- [start:limit]
async def limit_by_address(request: Request) -> None:
    host = request.client.host if request.client else "unknown"  # (1)!
    request.state.attempts[host] += 1
    if request.state.attempts[host] > MAX_ATTEMPTS:
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "Too many attempts")


@app.post("/login", dependencies=[Depends(limit_by_address)])
async def login(credentials: Credentials) -> dict[str, str]:
    if (credentials.username, credentials.password) != ("alice", "wonderland"):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Wrong username or password")
    return {"access_token": "...", "token_type": "bearer"}


# --8<-- [end:limit]
@app.get("/whoami")
async def whoami(request: Request) -> dict[str, str | int | None]:
    host, port = request.client or (None, None)
    return {"host": host, "port": port}
