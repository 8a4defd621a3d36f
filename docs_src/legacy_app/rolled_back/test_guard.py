import re
from collections.abc import AsyncIterator

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine

from .app import db
from .app.main import app
from .conftest import postgresql_server, rolled_back

pytestmark = pytest.mark.anyio


# --8<-- [start:db_only]
@pytest.fixture
async def client_patching_db_only(
    test_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    defined = ["engine", "SessionLocal", "audit_engine", "AuditSession"]
    names = [(db, attribute, getattr(db, attribute)) for attribute in defined]  # (1)!
    async with (
        rolled_back(test_engine, names, monkeypatch),
        LifespanManager(app) as manager,
    ):
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_a_missed_alias_meets_the_guard(
    client_patching_db_only: AsyncClient,
) -> None:
    with pytest.raises(RuntimeError) as error:
        await client_patching_db_only.post("/items", json={"name": "lamp"})  # (2)!
    assert str(error.value) == (
        "refused to connect to the production database "
        "postgresql+asyncpg://shop:***@localhost:5432/shop: "
        "a name still holds an engine made at import"
    )  # (3)!


# --8<-- [end:db_only]
# --8<-- [start:any_dialect]
@pytest.mark.parametrize(
    "engine",
    [db.engine, db.audit_engine],  # (1)!
    ids=["postgresql", "sqlite"],
)
async def test_every_import_time_engine_refuses_to_connect(engine: AsyncEngine) -> None:
    message = (
        f"refused to connect to the production database {engine.url}: "
        "a name still holds an engine made at import"
    )
    with pytest.raises(RuntimeError, match=re.escape(message)):
        await engine.connect()


# --8<-- [end:any_dialect]
def test_postgresql_skips_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("POSTGRESQL_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set POSTGRESQL_TEST_URL"):
        postgresql_server()
