import re

import pytest
from httpx2 import AsyncClient

from .main import make_token

pytestmark = pytest.mark.anyio

# --8<-- [start:login]
ALICE = {"username": "alice", "password": "wonderland"}


async def test_cookie_from_login_is_sent_back(client: AsyncClient) -> None:
    response = await client.post("/login", json=ALICE)
    assert response.status_code == 200
    assert client.cookies["session"] == make_token("alice")  # (1)!

    response = await client.get("/me")  # (2)!
    assert response.json() == {"name": "alice", "role": "admin"}


# --8<-- [end:login]
# --8<-- [start:client_cookies]
async def test_cookie_set_on_the_client(client: AsyncClient) -> None:
    client.cookies.set("session", make_token("bob"))
    response = await client.get("/me")
    assert response.json() == {"name": "bob", "role": "member"}


# --8<-- [end:client_cookies]
# --8<-- [start:deprecated]
PER_REQUEST_COOKIES = (
    "Setting per-request cookies=<...> is being deprecated, because the expected "
    "behaviour on cookie persistence is ambiguous. Set cookies directly on the "
    "client instance instead."
)


async def test_per_request_cookies_are_deprecated(client: AsyncClient) -> None:
    cookies = {"session": make_token("bob")}
    with pytest.warns(DeprecationWarning, match=re.escape(PER_REQUEST_COOKIES)):
        response = await client.get("/me", cookies=cookies)  # (1)!
    assert response.status_code == 200


# --8<-- [end:deprecated]
