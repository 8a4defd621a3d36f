from fastapi import FastAPI

from .inventory import Inventory


def create_app() -> FastAPI:
    app = FastAPI()

    @app.on_event("startup")  # (1)!
    async def open_inventory() -> None:
        app.state.inventory = Inventory()  # (2)!

    @app.on_event("shutdown")
    async def close_inventory() -> None:
        await app.state.inventory.close()

    @app.get("/stock/{item}")
    async def stock(item: str) -> dict[str, int]:
        return {item: app.state.inventory.stock.get(item, 0)}

    return app
