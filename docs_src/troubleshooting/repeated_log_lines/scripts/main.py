import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI

logger = logging.getLogger("shop")


@asynccontextmanager
async def lifespan(app: FastAPI):
    handler = logging.StreamHandler()  # one more handler at every startup
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield  # and none removed at shutdown


app = FastAPI(lifespan=lifespan)


@app.post("/orders/{sku}")
async def order(sku: str) -> dict[str, str]:
    logger.info("order placed: %s", sku)
    return {"sku": sku}
