from collections.abc import AsyncIterator

import anyio
import pytest
import uvicorn
from httpx2 import AsyncClient
from tortoise.transactions import in_transaction

from .main import Item, app

pytestmark = pytest.mark.anyio


@pytest.fixture
async def live_url(
    database_url: str, free_tcp_port: int, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[str]:
    monkeypatch.setenv("DATABASE_URL", database_url)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=free_tcp_port, log_level="warning"
    )
    server = uvicorn.Server(config)
    async with anyio.create_task_group() as tg:
        tg.start_soon(server.serve)
        with anyio.fail_after(5):
            while not server.started:  # noqa: ASYNC110
                await anyio.sleep(0.01)
        yield f"http://127.0.0.1:{free_tcp_port}"
        server.should_exit = True


# --8<-- [start:live]
async def test_a_live_server_does_not_see_the_transaction(
    live_url: str, database_url: str
) -> None:
    async with AsyncClient(base_url=live_url) as client:
        async with in_transaction() as connection:  # (1)!
            row = await Item.create(name="pen", price=150)
            if database_url.startswith("sqlite"):
                with pytest.raises(TimeoutError):
                    with anyio.fail_after(1):
                        await client.get(f"/items/{row.id}")  # (2)!
            else:
                response = await client.get(f"/items/{row.id}")
                assert response.status_code == 404  # (3)!
            await connection.rollback()


# --8<-- [end:live]
