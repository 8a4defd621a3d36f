import hashlib
import hmac
from typing import Annotated

from fastapi import Cookie, Depends, FastAPI, HTTPException, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

SECRET = b"change-me"


class User(BaseModel):
    name: str
    role: str


class Credentials(BaseModel):
    username: str
    password: str


USERS = {
    "alice": User(name="alice", role="admin"),
    "bob": User(name="bob", role="member"),
}
PASSWORDS = {"alice": "wonderland", "bob": "builder"}


def make_token(name: str) -> str:
    signature = hmac.new(SECRET, name.encode(), hashlib.sha256).hexdigest()
    return f"{name}.{signature}"


def read_token(token: str) -> str | None:
    name, _, _ = token.partition(".")
    return name if hmac.compare_digest(token, make_token(name)) else None


app = FastAPI()
bearer = HTTPBearer(auto_error=False)


# --8<-- [start:login]
@app.post("/login")
async def login(credentials: Credentials, response: Response) -> dict[str, str]:
    if PASSWORDS.get(credentials.username) != credentials.password:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Wrong username or password")
    token = make_token(credentials.username)
    response.set_cookie("session", token, httponly=True)  # (1)!
    return {"access_token": token, "token_type": "bearer"}  # (2)!


# --8<-- [end:login]
# --8<-- [start:dependencies]
async def get_current_user(
    header: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    session: Annotated[str | None, Cookie()] = None,
) -> User:
    token = header.credentials if header else session  # (1)!
    name = read_token(token) if token else None
    if name is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Not authenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return USERS[name]


async def get_admin(user: Annotated[User, Depends(get_current_user)]) -> User:
    if user.role != "admin":
        raise HTTPException(status.HTTP_403_FORBIDDEN, "Admins only")  # (2)!
    return user


# --8<-- [end:dependencies]
@app.get("/me")
async def me(user: Annotated[User, Depends(get_current_user)]) -> User:
    return user


@app.get("/admin/users")
async def list_users(admin: Annotated[User, Depends(get_admin)]) -> list[str]:
    return sorted(USERS)
