import re
from unittest.mock import AsyncMock, MagicMock, patch

import pytest
from httpx2 import AsyncClient

from . import emails, main
from .emails import MailServerDown

pytestmark = pytest.mark.anyio
ADA = {"email": "ada@example.com"}


# --8<-- [start:asyncmock]
async def test_welcome_email_is_sent(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_email = AsyncMock()  # (1)!
    monkeypatch.setattr(main, "send_email", send_email)  # (2)!

    response = await client.post("/signup", json=ADA)
    assert response.json() == {"email": "ada@example.com", "welcome_sent": True}
    send_email.assert_awaited_once_with("ada@example.com", "Welcome")  # (3)!
    assert send_email.await_count == 1


# --8<-- [end:asyncmock]
# --8<-- [start:side_effect]
async def test_mail_server_down(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_email = AsyncMock(side_effect=MailServerDown("no route"))  # (1)!
    monkeypatch.setattr(main, "send_email", send_email)

    response = await client.post("/signup", json=ADA)
    assert response.json() == {"email": "ada@example.com", "welcome_sent": False}
    send_email.assert_awaited_once()


# --8<-- [end:side_effect]
# --8<-- [start:stand_in]
async def test_async_def_stand_in(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    outbox: list[tuple[str, str]] = []

    async def fake_send_email(to: str, subject: str) -> None:  # (1)!
        outbox.append((to, subject))

    monkeypatch.setattr(main, "send_email", fake_send_email)
    await client.post("/signup", json=ADA)
    assert outbox == [("ada@example.com", "Welcome")]


# --8<-- [end:stand_in]
# --8<-- [start:wrong_module]
async def test_patching_the_defining_module_misses(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_email = AsyncMock()
    monkeypatch.setattr(emails, "send_email", send_email)  # (1)!

    response = await client.post("/signup", json=ADA)
    assert response.json()["welcome_sent"] is False  # (2)!
    assert send_email.await_count == 0


# --8<-- [end:wrong_module]
# --8<-- [start:magicmock]
NOT_AWAITABLE = "object MagicMock can't be used in 'await' expression"


async def test_magicmock_cannot_be_awaited(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main, "send_email", MagicMock())  # (1)!
    with pytest.raises(TypeError, match=re.escape(NOT_AWAITABLE)):
        await client.post("/signup", json=ADA)  # (2)!


async def test_patch_picks_asyncmock_by_itself() -> None:
    with patch.object(main, "send_email") as send_email:  # (3)!
        assert isinstance(send_email, AsyncMock)


# --8<-- [end:magicmock]
# --8<-- [start:background]
async def test_email_from_a_background_task(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_email = AsyncMock()
    monkeypatch.setattr(main, "send_email", send_email)

    response = await client.post("/orders/7")
    assert response.status_code == 202
    send_email.assert_awaited_once_with("shop@example.com", "Order 7")  # (1)!


async def test_mock_one_method(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_placed = AsyncMock()
    monkeypatch.setattr(main.notifier, "order_placed", order_placed)  # (2)!

    await client.post("/orders/7")
    order_placed.assert_awaited_once_with(7)


# --8<-- [end:background]
# --8<-- [start:dependency]
async def test_patching_a_dependency_misses(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main, "get_discount", AsyncMock(return_value=50))  # (1)!
    response = await client.get("/price")
    assert response.json() == {"price": 100}


async def test_override_the_dependency(
    client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def half_off() -> int:
        return 50

    monkeypatch.setitem(main.app.dependency_overrides, main.get_discount, half_off)
    response = await client.get("/price")
    assert response.json() == {"price": 50}  # (2)!


# --8<-- [end:dependency]
