import re

import httpx
import pytest
import respx
from httpx2 import AsyncClient
from respx.models import AllMockedAssertionError

pytestmark = pytest.mark.anyio

USD = {"amount": 8, "currency": "USD"}


# --8<-- [start:answer]
async def test_converts_with_the_rate(
    client: AsyncClient, rates_service: respx.MockRouter
) -> None:
    latest = rates_service.get("/latest", params={"to": "USD"})  # (1)!
    latest.respond(json={"rate": 1.25})

    response = await client.get("/convert", params=USD)

    assert response.json() == {"amount": 10.0, "currency": "USD"}
    assert latest.call_count == 1
    sent = latest.calls.last.request  # (2)!
    assert sent.url.params["base"] == "EUR"
    assert sent.headers["X-Api-Key"] == "secret-key"


# --8<-- [end:answer]
# --8<-- [start:failures]
async def test_server_error_becomes_502(
    client: AsyncClient, rates_service: respx.MockRouter
) -> None:
    rates_service.get("/latest").respond(503)
    response = await client.get("/convert", params=USD)
    assert response.json() == {"detail": "The rates service failed with 503"}


async def test_timeout_becomes_504(
    client: AsyncClient, rates_service: respx.MockRouter
) -> None:
    rates_service.get("/latest").mock(side_effect=httpx.ConnectTimeout)  # (1)!
    response = await client.get("/convert", params=USD)
    assert response.json() == {"detail": "The rates service did not answer in time"}


# --8<-- [end:failures]
# --8<-- [start:not_mocked]
NOT_MOCKED = (
    "RESPX: <Request('GET', 'https://rates.example/latest?base=EUR&to=USD')>"
    " not mocked!"
)


async def test_a_request_without_a_route_fails(
    client: AsyncClient, rates_service: respx.MockRouter
) -> None:
    with pytest.raises(AllMockedAssertionError, match=re.escape(NOT_MOCKED)):
        await client.get("/convert", params=USD)  # (1)!


# --8<-- [end:not_mocked]
