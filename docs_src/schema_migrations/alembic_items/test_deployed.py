from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from . import main
from .conftest import migrate, postgresql_server
from .main import Settings, app


@pytest.mark.anyio
async def test_app_on_a_migrated_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/app.db"
    await migrate(url)  # what a deployment runs before it starts the app
    monkeypatch.setattr(main, "settings", Settings(database_url=url))
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            created = await client.post("/items", json={"name": "lamp", "price": 1})
            read = await client.get(f"/items/{created.json()['id']}")
    assert read.json() == {"id": created.json()["id"], "name": "lamp", "price": 1}


def test_postgresql_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("POSTGRESQL_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set POSTGRESQL_TEST_URL"):
        postgresql_server()
