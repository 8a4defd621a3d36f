from collections.abc import AsyncIterator

import pytest
from httpx2 import AsyncClient

from .main import Ledger, app, get_currency, get_ledger


@pytest.mark.anyio
async def test_real_dependencies_when_nothing_is_overridden(
    client: AsyncClient,
) -> None:
    response = await client.get("/balance/ada")
    assert response.json() == {
        "ledger": "production",
        "balance": 300,
        "currency": "EUR",
    }


# --8<-- [start:async_override]
async def fake_currency() -> str:  # (1)!
    return "JPY"


@pytest.mark.anyio
async def test_async_dependency_overridden(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.dependency_overrides, get_currency, fake_currency)  # (2)!
    response = await client.get("/balance/ada")
    assert response.json()["currency"] == "JPY"


# --8<-- [end:async_override]


# --8<-- [start:yield_override]
@pytest.fixture
def fake_ledger(monkeypatch: pytest.MonkeyPatch) -> Ledger:
    ledger = Ledger("test")

    async def override_ledger() -> AsyncIterator[Ledger]:  # (1)!
        try:
            yield ledger
        finally:
            await ledger.close()

    monkeypatch.setitem(app.dependency_overrides, get_ledger, override_ledger)  # (2)!
    return ledger


@pytest.mark.anyio
async def test_yield_dependency_overridden(
    client: AsyncClient, fake_ledger: Ledger
) -> None:
    response = await client.get("/balance/ada")
    assert response.json()["ledger"] == "test"
    assert fake_ledger.closed  # (3)!


# --8<-- [end:yield_override]


# --8<-- [start:reset]
@pytest.mark.anyio
async def test_undo_restores_the_real_dependency(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(app.dependency_overrides, get_currency, fake_currency)
    assert (await client.get("/balance/ada")).json()["currency"] == "JPY"
    monkeypatch.undo()  # (1)!
    assert get_currency not in app.dependency_overrides
    assert (await client.get("/balance/ada")).json()["currency"] == "EUR"


# --8<-- [end:reset]
