import asyncio
from pathlib import Path

import aiosqlite
import asyncpg
import pytest


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "trio"  # (1)!


@pytest.fixture(autouse=True)
def no_current_asyncio_loop() -> None:
    # Global state, left as it is: it is what every asyncio.run() leaves behind,
    # and the only state Python 3.14 has. Without it, older Pythons would create
    # a loop here, and the error would depend on the tests that ran before.
    asyncio.set_event_loop(None)


@pytest.mark.anyio
async def test_aiosqlite_needs_asyncio(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError) as error:
        await aiosqlite.connect(tmp_path / "items.db")
    assert str(error.value) == "There is no current event loop in thread 'MainThread'."


@pytest.mark.anyio
async def test_asyncpg_needs_asyncio(postgresql_url: str) -> None:
    dsn = postgresql_url.replace("postgresql+asyncpg://", "postgresql://")
    with pytest.raises(RuntimeError) as error:
        await asyncpg.connect(dsn)
    assert str(error.value) == "There is no current event loop in thread 'MainThread'."
