import asyncio
from pathlib import Path

import aiosqlite
import asyncpg
import pytest

pytestmark = pytest.mark.parametrize("anyio_backend", ["trio"])  # (1)!


@pytest.fixture(autouse=True)
def no_current_asyncio_loop() -> None:
    # The state that asyncio.run() leaves behind, and the only one on Python 3.14:
    # without it, older Pythons would create a loop here, and the error would
    # depend on whether an asyncio test ran earlier in the session.
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
