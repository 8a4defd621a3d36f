import re

import pytest
from httpx2 import AsyncClient
from pydantic import ValidationError

from .main import Settings, app, get_settings

pytestmark = pytest.mark.anyio


async def test_defaults(client: AsyncClient) -> None:
    response = await client.get("/info")
    assert response.json() == {"currency": "EUR"}


# --8<-- [start:setenv]
async def test_currency_from_the_environment(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_CURRENCY", "USD")  # (1)!
    response = await client.get("/info")
    assert response.json() == {"currency": "USD"}


# --8<-- [end:setenv]
# --8<-- [start:override]
async def test_maintenance_through_an_override(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def maintenance() -> Settings:
        return Settings(maintenance=True)  # (1)!

    monkeypatch.setitem(app.dependency_overrides, get_settings, maintenance)
    response = await client.get("/info")
    assert response.status_code == 503


# --8<-- [end:override]
# --8<-- [start:cached]
async def test_cached_settings_ignore_a_later_setenv(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await client.get("/info")  # (1)!
    monkeypatch.setenv("SHOP_CURRENCY", "USD")
    response = await client.get("/info")
    assert response.json() == {"currency": "EUR"}  # (2)!

    get_settings.cache_clear()
    response = await client.get("/info")
    assert response.json() == {"currency": "USD"}


# --8<-- [end:cached]
# --8<-- [start:invalid]
INVALID_BOOLEAN = """\
1 validation error for Settings
maintenance
  Input should be a valid boolean, unable to interpret input \
[type=bool_parsing, input_value='maybe', input_type=str]"""


async def test_invalid_value_in_the_environment(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_MAINTENANCE", "maybe")
    with pytest.raises(ValidationError, match=re.escape(INVALID_BOOLEAN)):
        await client.get("/info")  # (1)!


# --8<-- [end:invalid]
