import pytest
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

from .main import app, status_500_app

pytestmark = pytest.mark.anyio
both_catch_alls = pytest.mark.parametrize(
    "catch_all", [app, status_500_app], ids=["Exception", "500"]
)


# --8<-- [start:specific]
async def test_specific_handler_gives_its_response() -> None:
    transport = ASGITransport(app=app)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/orders/basil")
    assert response.status_code == 409
    assert response.json() == {"detail": "basil is out of stock"}


# --8<-- [end:specific]


# --8<-- [start:catch_all_raises]
@both_catch_alls
async def test_catch_all_handler_runs_and_the_test_still_raises(
    catch_all: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    transport = ASGITransport(app=catch_all)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(RuntimeError, match=r"^no price for broken$"):
            await client.post("/orders/broken")
    assert caplog.messages == ["unhandled RuntimeError: no price for broken"]  # (2)!


# --8<-- [end:catch_all_raises]


# --8<-- [start:catch_all_response]
@both_catch_alls
async def test_catch_all_handler_response(catch_all: FastAPI) -> None:
    transport = ASGITransport(app=catch_all, raise_app_exceptions=False)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.post("/orders/broken")
    assert response.status_code == 500
    assert response.json() == {"detail": "Something went wrong"}  # (2)!


# --8<-- [end:catch_all_response]
