import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

logger = logging.getLogger("shop")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)  # (1)!


app = FastAPI(lifespan=lifespan)


@app.post("/orders/{sku}")
async def order(sku: str) -> dict[str, str]:
    logger.info("order placed: %s", sku)
    return {"sku": sku}
