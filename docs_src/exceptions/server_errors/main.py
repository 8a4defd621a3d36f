from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

app = FastAPI()


class OutOfStock(Exception):
    pass


@app.exception_handler(OutOfStock)
async def out_of_stock(request: Request, exc: OutOfStock) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=409)


@app.get("/ratio/{sold}/{stocked}")
async def ratio(sold: int, stocked: int) -> dict[str, float]:
    return {"ratio": sold / stocked}  # (1)!


@app.post("/orders/{sku}")
async def order(sku: str) -> dict[str, str]:
    raise OutOfStock(f"{sku} is out of stock")
