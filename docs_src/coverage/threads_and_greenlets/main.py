from fastapi import FastAPI
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import create_async_engine

app = FastAPI()


# --8<-- [start:thread]
@app.get("/total")
def total() -> dict[str, int]:
    result = 0
    for number in range(4):
        result += number
    return {"total": result}


# --8<-- [end:thread]
# --8<-- [start:greenlet]
def answer(connection: Connection) -> int:  # (1)!
    result = connection.execute(text("SELECT 42"))
    return result.scalar_one()


@app.get("/answer")
async def ask() -> dict[str, int]:
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.connect() as connection:
        value = await connection.run_sync(answer)  # (2)!
    await engine.dispose()
    return {"answer": value}


# --8<-- [end:greenlet]
