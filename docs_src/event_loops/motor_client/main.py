import os

from fastapi import FastAPI
from motor.motor_asyncio import AsyncIOMotorClient
from pymongo.errors import ServerSelectionTimeoutError

# Without MONGODB_URL: a socket path where no server listens (see the page).
NO_SERVER = "mongodb://%2Ftmp%2Fno-mongodb-here.sock"
MONGODB_URL = os.environ.get("MONGODB_URL", NO_SERVER)

client: AsyncIOMotorClient = AsyncIOMotorClient(  # (1)!
    MONGODB_URL, serverSelectionTimeoutMS=100
)

app = FastAPI()


@app.get("/health")
async def health() -> dict[str, bool]:
    try:
        reply = await client.admin.command("ping")  # (2)!
    except ServerSelectionTimeoutError:  # no server answered within 100 ms
        reply = {"ok": 0}
    return {"mongodb": reply["ok"] == 1}
