import anyio
from fastapi import FastAPI

app = FastAPI()


@app.get("/quick")
async def quick() -> dict[str, str]:
    return {"status": "done"}


@app.get("/stuck")
async def stuck() -> None:
    await anyio.sleep_forever()  # (1)!
