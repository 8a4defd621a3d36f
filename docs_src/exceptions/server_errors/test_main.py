import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app


# --8<-- [start:raises]
@pytest.mark.anyio
async def test_unhandled_error_reaches_the_test() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(ZeroDivisionError) as error:  # (1)!
            await client.get("/ratio/3/0")
    assert str(error.value) == "division by zero"


# --8<-- [end:raises]


# --8<-- [start:status_500]
@pytest.mark.anyio
async def test_unhandled_error_as_a_500_response() -> None:
    transport = ASGITransport(app=app, raise_app_exceptions=False)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/ratio/3/0")
    assert response.status_code == 500
    assert response.text == "Internal Server Error"  # (2)!


# --8<-- [end:status_500]


# --8<-- [start:handled]
@pytest.mark.anyio
async def test_handled_error_is_a_normal_response() -> None:
    transport = ASGITransport(app=app)  # (1)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        ok = await client.get("/ratio/3/4")
        conflict = await client.post("/orders/basil")
    assert ok.json() == {"ratio": 0.75}
    assert conflict.status_code == 409
    assert conflict.json() == {"detail": "basil is out of stock"}


# --8<-- [end:handled]
