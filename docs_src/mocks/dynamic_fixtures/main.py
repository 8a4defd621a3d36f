from typing import Annotated

from fastapi import FastAPI, Header

app = FastAPI()


@app.get("/me")
async def me(x_user: Annotated[str, Header()] = "anonymous") -> dict[str, str]:
    return {"user": x_user}
