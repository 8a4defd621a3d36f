import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypedDict

from fastapi import FastAPI, Request
from pymongo import AsyncMongoClient

# Without MONGODB_URL: a socket path where no server listens (see the page).
NO_SERVER = "mongodb://%2Ftmp%2Fno-mongodb-here.sock"
MONGODB_URL = os.environ.get("MONGODB_URL", NO_SERVER)


class State(TypedDict):
    mongo: AsyncMongoClient


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    mongo: AsyncMongoClient = AsyncMongoClient(MONGODB_URL)  # (1)!
    await mongo.aconnect()
    yield {"mongo": mongo}  # (2)!
    await mongo.close()  # (3)!


app = FastAPI(lifespan=lifespan)


@app.get("/database")
async def database(request: Request) -> dict[str, str]:
    mongo: AsyncMongoClient = request.state.mongo
    return {"name": mongo.get_database("shop").name}
