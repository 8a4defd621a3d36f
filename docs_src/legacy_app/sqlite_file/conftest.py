from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from . import main


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


# --8<-- [start:production]
@pytest.fixture(autouse=True)
async def production_db(tmp_path: Path) -> AsyncIterator[anyio.Path]:
    stand_in = tmp_path / "production.db"
    import_time_engine = main.engine  # (1)!

    def redirect(dialect: Any, record: Any, cargs: list[Any], cparams: Any) -> None:
        cargs[0] = str(stand_in)  # (2)!

    event.listen(import_time_engine.sync_engine, "do_connect", redirect)
    yield anyio.Path(stand_in)
    await import_time_engine.dispose()  # (3)!
    event.remove(import_time_engine.sync_engine, "do_connect", redirect)


# --8<-- [end:production]
# --8<-- [start:recipe]
@pytest.fixture
async def test_engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}")
    yield engine
    await engine.dispose()


@pytest.fixture
def test_database(
    test_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> AsyncEngine:
    monkeypatch.setattr(main, "engine", test_engine)  # (1)!
    monkeypatch.setattr(
        main, "SessionLocal", async_sessionmaker(test_engine, expire_on_commit=False)
    )  # (2)!
    return test_engine


@pytest.fixture
async def client(test_database: AsyncEngine) -> AsyncIterator[AsyncClient]:
    async with LifespanManager(main.app) as manager:  # (3)!
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


# --8<-- [end:recipe]
