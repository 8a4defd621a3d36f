import os

from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+asyncpg://localhost/app")
engine = create_async_engine(DATABASE_URL)  # (1)!
app = FastAPI()


@app.get("/ping")
async def ping() -> dict[str, bool]:
    async with engine.connect() as connection:
        return {"database": await connection.scalar(text("SELECT 1")) == 1}
