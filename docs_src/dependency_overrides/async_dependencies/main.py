from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, FastAPI


class Ledger:
    """Stands for a database session: opened per request, closed afterwards."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.closed = False

    async def balance(self, account: str) -> int:
        return len(account) * 100

    async def close(self) -> None:
        self.closed = True


async def get_ledger() -> AsyncIterator[Ledger]:  # (1)!
    ledger = Ledger("production")
    try:
        yield ledger
    finally:
        await ledger.close()


async def get_currency() -> str:  # (2)!
    return "EUR"


app = FastAPI()


@app.get("/balance/{account}")
async def read_balance(
    account: str,
    ledger: Annotated[Ledger, Depends(get_ledger)],
    currency: Annotated[str, Depends(get_currency)],
) -> dict[str, str | int]:
    return {
        "ledger": ledger.name,
        "balance": await ledger.balance(account),
        "currency": currency,
    }
