import httpx
from fastapi import FastAPI, HTTPException

rates = httpx.AsyncClient(  # (1)!
    base_url="https://rates.example",
    headers={"X-Api-Key": "secret-key"},
    timeout=2.0,
)
app = FastAPI()


@app.get("/convert")
async def convert(amount: float, currency: str) -> dict[str, float | str]:
    try:
        response = await rates.get("/latest", params={"base": "EUR", "to": currency})
        response.raise_for_status()
    except httpx.TimeoutException:
        raise HTTPException(504, "The rates service did not answer in time") from None
    except httpx.HTTPStatusError as error:
        status = error.response.status_code
        raise HTTPException(502, f"The rates service failed with {status}") from None
    return {"amount": amount * response.json()["rate"], "currency": currency}
