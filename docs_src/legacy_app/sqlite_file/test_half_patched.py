from collections.abc import AsyncIterator

import anyio
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from . import main

pytestmark = pytest.mark.anyio


# --8<-- [start:client]
@pytest.fixture
async def client(
    test_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    monkeypatch.setattr(main, "engine", test_engine)  # (1)!
    async with LifespanManager(main.app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [end:client]
# --8<-- [start:error]
async def test_the_engine_alone_is_not_enough(
    client: AsyncClient, production_db: anyio.Path
) -> None:
    with pytest.raises(OperationalError) as error:
        await client.post("/items", json={"name": "lamp"})
    assert str(error.value).startswith(
        "(sqlite3.OperationalError) no such table: items\n"
    )
    assert await production_db.exists()  # (1)!


# --8<-- [end:error]
