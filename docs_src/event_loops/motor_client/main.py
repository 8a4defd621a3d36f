import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from motor.motor_asyncio import AsyncIOMotorClient

# Without MONGODB_URL: a socket path where no server listens (see the page).
NO_SERVER = "mongodb://%2Ftmp%2Fno-mongodb-here.sock"
MONGODB_URL = os.environ.get("MONGODB_URL", NO_SERVER)

client: AsyncIOMotorClient = AsyncIOMotorClient(MONGODB_URL)  # (1)!


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    session = await client.start_session()  # (2)!
    yield
    await session.end_session()


app = FastAPI(lifespan=lifespan)
