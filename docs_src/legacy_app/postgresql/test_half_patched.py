from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncEngine

from . import main

pytestmark = pytest.mark.anyio


@pytest.fixture
async def client(
    test_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    monkeypatch.setattr(main, "engine", test_engine)  # (1)!
    async with LifespanManager(main.app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [start:error]
async def test_the_engine_alone_is_not_enough(client: AsyncClient) -> None:
    with pytest.raises(ProgrammingError) as error:
        await client.post("/items", json={"name": "lamp"})
    assert str(error.value).startswith(
        "(sqlalchemy.dialects.postgresql.asyncpg.ProgrammingError) "
        'relation "items" does not exist\n'
    )


# --8<-- [end:error]
