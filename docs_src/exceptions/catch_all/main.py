import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

logger = logging.getLogger("shop.errors")


class OutOfStock(Exception):
    pass


async def out_of_stock(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=409)


async def server_error(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unhandled %s: %s", type(exc).__name__, exc)
    return JSONResponse({"detail": "Something went wrong"}, status_code=500)


def create_app(server_error_key: type[Exception] | int) -> FastAPI:
    app = FastAPI()
    app.add_exception_handler(OutOfStock, out_of_stock)  # (1)!
    app.add_exception_handler(server_error_key, server_error)  # (2)!

    @app.post("/orders/{sku}")
    async def order(sku: str) -> dict[str, str]:
        if sku == "broken":
            raise RuntimeError(f"no price for {sku}")
        raise OutOfStock(f"{sku} is out of stock")

    return app


app = create_app(Exception)  # (3)!
status_500_app = create_app(500)
