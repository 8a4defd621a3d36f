import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from pymongo import AsyncMongoClient

# Without MONGODB_URL: a socket path where no server listens (see the page).
NO_SERVER = "mongodb://%2Ftmp%2Fno-mongodb-here.sock"
MONGODB_URL = os.environ.get("MONGODB_URL", NO_SERVER)

client: AsyncMongoClient = AsyncMongoClient(MONGODB_URL)  # (1)!


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    await client.aconnect()  # (2)!
    yield
    await client.close()


app = FastAPI(lifespan=lifespan)
