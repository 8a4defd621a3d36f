from fastapi import FastAPI

app = FastAPI()
app.state.catalog = {}


@app.on_event("startup")  # (1)!
async def load_catalog() -> None:
    app.state.catalog = {"basil": 3}


@app.get("/price/{sku}")
async def price(sku: str) -> dict[str, int]:
    return {"price": app.state.catalog[sku]}
