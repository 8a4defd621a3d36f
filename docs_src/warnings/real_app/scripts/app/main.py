from fastapi import FastAPI, HTTPException, Query
from fastapi.exceptions import RequestValidationError
from legacy_errors import problem_details
from pydantic import BaseModel, Field

from .security import create_token, passwords, read_token

app = FastAPI()
app.add_exception_handler(RequestValidationError, problem_details)
users: dict[str, str] = {}


class Token(BaseModel):
    access_token: str = Field(example="eyJhbGciOiJIUzI1NiJ9...")


@app.on_event("startup")  # the app's owners keep on_event for now
async def load_users() -> None:
    users["alice"] = passwords.hash("wonderland")


@app.post("/token")
async def token(
    username: str = Query(example="alice"), password: str = Query()
) -> Token:
    hashed = users.get(username)
    if hashed is None or not passwords.verify(password, hashed):
        raise HTTPException(401, "Wrong username or password")
    return Token(access_token=create_token(username))


@app.get("/me")
async def me(token: str) -> dict[str, str]:
    return {"username": read_token(token)}
