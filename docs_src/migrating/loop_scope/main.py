import asyncio

from fastapi import FastAPI

app = FastAPI()


@app.get("/loop")
async def loop_id() -> dict[str, int]:
    return {"loop": id(asyncio.get_running_loop())}
