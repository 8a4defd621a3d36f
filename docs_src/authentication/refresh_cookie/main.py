import secrets
from typing import Annotated

from fastapi import Cookie, FastAPI, HTTPException, Response, status
from pydantic import BaseModel

app = FastAPI()
PASSWORDS = {"alice": "wonderland"}
REFRESH_TOKENS: dict[str, str] = {}  # refresh token -> user name


class Credentials(BaseModel):
    username: str
    password: str


def new_access_token(name: str) -> dict[str, str]:
    return {"access_token": f"{name}.{secrets.token_hex(8)}", "token_type": "bearer"}


# --8<-- [start:app]
@app.post("/login")
async def login(credentials: Credentials, response: Response) -> dict[str, str]:
    if PASSWORDS.get(credentials.username) != credentials.password:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Wrong username or password")
    refresh = secrets.token_urlsafe()
    REFRESH_TOKENS[refresh] = credentials.username
    response.set_cookie(
        "refresh", refresh, secure=True, httponly=True, samesite="strict"
    )  # (1)!
    return new_access_token(credentials.username)


def user_of(refresh: str | None) -> str:
    if refresh is None or refresh not in REFRESH_TOKENS:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "No refresh cookie")  # (2)!
    return REFRESH_TOKENS[refresh]


@app.post("/refresh")
async def refresh(
    refresh: Annotated[str | None, Cookie()] = None,
) -> dict[str, str]:
    return new_access_token(user_of(refresh))


@app.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    response: Response, refresh: Annotated[str | None, Cookie()] = None
) -> None:
    user_of(refresh)
    del REFRESH_TOKENS[refresh]
    response.delete_cookie("refresh", secure=True, httponly=True, samesite="strict")


# --8<-- [end:app]
