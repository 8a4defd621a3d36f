from fastapi import FastAPI

from .config import settings  # (1)!

app = FastAPI()


@app.get("/info")
async def info() -> dict[str, str]:
    return {"currency": settings.currency}
