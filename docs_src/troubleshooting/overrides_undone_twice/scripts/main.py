from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


def get_user() -> str:
    return "anonymous"


def get_plan() -> str:
    return "free"


@app.get("/me")
async def me(
    user: Annotated[str, Depends(get_user)], plan: Annotated[str, Depends(get_plan)]
) -> dict[str, str]:
    return {"user": user, "plan": plan}
