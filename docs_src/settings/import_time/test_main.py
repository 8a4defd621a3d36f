import pytest
from httpx2 import AsyncClient

from . import config, main

pytestmark = pytest.mark.anyio


# --8<-- [start:setenv]
async def test_setenv_comes_too_late(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (await client.get("/info")).json()
    monkeypatch.setenv("SHOP_CURRENCY", "USD")
    response = await client.get("/info")
    assert response.json() == before  # (1)!


# --8<-- [end:setenv]
# --8<-- [start:wrong_module]
async def test_replacing_the_object_misses_the_importer(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (await client.get("/info")).json()
    monkeypatch.setattr(config, "settings", config.Settings(currency="USD"))
    response = await client.get("/info")
    assert response.json() == before  # (1)!


# --8<-- [end:wrong_module]
# --8<-- [start:stopgap]
async def test_changing_the_shared_object(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main.settings, "currency", "USD")  # (1)!
    response = await client.get("/info")
    assert response.json() == {"currency": "USD"}


# --8<-- [end:stopgap]
