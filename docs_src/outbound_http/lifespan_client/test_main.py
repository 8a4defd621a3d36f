import httpx
import pytest
from httpx2 import AsyncClient

from .conftest import FakeRates

pytestmark = pytest.mark.anyio


# --8<-- [start:answer]
async def test_converts_with_the_rate(client: AsyncClient) -> None:
    response = await client.get("/convert", params={"amount": 8, "currency": "USD"})
    assert response.json() == {"amount": 10.0, "currency": "USD"}


# --8<-- [end:answer]
# --8<-- [start:sent]
async def test_what_the_app_sent(client: AsyncClient, fake_rates: FakeRates) -> None:
    await client.get("/convert", params={"amount": 8, "currency": "USD"})

    [sent] = fake_rates.requests  # (1)!
    assert sent.method == "GET"
    assert sent.url == "https://rates.example/latest?base=EUR&to=USD"
    assert sent.headers["X-Api-Key"] == "secret-key"


# --8<-- [end:sent]
# --8<-- [start:failures]
async def test_server_error_becomes_502(
    client: AsyncClient, fake_rates: FakeRates
) -> None:
    fake_rates.reply = lambda request: httpx.Response(503)
    response = await client.get("/convert", params={"amount": 8, "currency": "USD"})
    assert response.status_code == 502
    assert response.json() == {"detail": "The rates service failed with 503"}


async def test_timeout_becomes_504(client: AsyncClient, fake_rates: FakeRates) -> None:
    def time_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)  # (1)!

    fake_rates.reply = time_out
    response = await client.get("/convert", params={"amount": 8, "currency": "USD"})
    assert response.status_code == 504
    assert response.json() == {"detail": "The rates service did not answer in time"}


# --8<-- [end:failures]
