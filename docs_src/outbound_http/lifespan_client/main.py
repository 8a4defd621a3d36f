from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, TypedDict

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request

RATES_URL = "https://rates.example"


def create_rates_client(
    transport: httpx.AsyncBaseTransport | None = None,  # (1)!
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=RATES_URL,
        headers={"X-Api-Key": "secret-key"},
        timeout=2.0,
        transport=transport,
    )


class State(TypedDict):
    rates: httpx.AsyncClient


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    async with create_rates_client() as rates:  # (2)!
        yield {"rates": rates}


app = FastAPI(lifespan=lifespan)


async def get_rates(request: Request) -> httpx.AsyncClient:
    return request.state.rates


@app.get("/convert")
async def convert(
    amount: float,
    currency: str,
    rates: Annotated[httpx.AsyncClient, Depends(get_rates)],
) -> dict[str, float | str]:
    try:
        response = await rates.get("/latest", params={"base": "EUR", "to": currency})
        response.raise_for_status()
    except httpx.TimeoutException:
        raise HTTPException(504, "The rates service did not answer in time") from None
    except httpx.HTTPStatusError as error:
        status = error.response.status_code
        raise HTTPException(502, f"The rates service failed with {status}") from None
    return {"amount": amount * response.json()["rate"], "currency": currency}
