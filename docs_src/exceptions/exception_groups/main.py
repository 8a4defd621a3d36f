import anyio
from fastapi import FastAPI

app = FastAPI()
PRICES = {"basil": 3, "mint": 2}


async def fetch_price(sku: str, prices: dict[str, int]) -> None:
    prices[sku] = PRICES[sku]  # raises KeyError for an unknown sku


@app.get("/basket")
async def basket(skus: str) -> dict[str, int]:
    prices: dict[str, int] = {}
    async with anyio.create_task_group() as tg:  # (1)!
        for sku in skus.split(","):
            tg.start_soon(fetch_price, sku, prices)
    return {"total": sum(prices.values())}
