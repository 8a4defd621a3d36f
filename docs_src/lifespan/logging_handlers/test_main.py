import logging

import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from httpx2 import ASGITransport, AsyncClient

from . import main, main_fixed

pytestmark = pytest.mark.anyio


async def place_order(app: FastAPI) -> None:
    """What one test with a function-scoped client fixture does."""
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.post("/orders/basil")
            assert response.status_code == 200


# --8<-- [start:pile_up]
async def test_handlers_pile_up_with_a_lifespan_per_test(
    shop_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    for test_number in (1, 2, 3):  # (1)!
        await place_order(main.app)
        assert len(shop_logger.handlers) == test_number  # (2)!
        line = "shop: order placed: basil\n"
        assert capsys.readouterr().err == line * test_number  # (3)!


# --8<-- [end:pile_up]


# --8<-- [start:cleanup]
async def test_cleanup_on_shutdown_keeps_one_handler(
    shop_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in (1, 2, 3):
        await place_order(main_fixed.app)
        assert shop_logger.handlers == []  # (1)!
        assert capsys.readouterr().err == "shop: order placed: basil\n"  # (2)!


# --8<-- [end:cleanup]
