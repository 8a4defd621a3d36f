import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import aiosqlite
import asyncpg
import pytest
from sqlalchemy import make_url

pytestmark = pytest.mark.anyio
TRIO_MESSAGE = (
    "trio.run received unrecognized yield message <Future pending>. Are you trying"
    " to use a library written for some other framework like asyncio? That won't"
    " work without some kind of compatibility shim."
)


@pytest.fixture(autouse=True)
def idle_asyncio_loop() -> Iterator[None]:
    loop = asyncio.new_event_loop()  # (1)!
    asyncio.set_event_loop(loop)
    yield
    asyncio.set_event_loop(None)
    loop.close()


async def test_aiosqlite_on_trio(tmp_path: Path) -> None:
    connection = aiosqlite.connect(tmp_path / "missing" / "items.db")  # (2)!
    with pytest.raises(TypeError) as error:
        await connection
    assert str(error.value) == TRIO_MESSAGE
    connection.stop()  # (3)!
    connection._thread.join()


async def test_asyncpg_on_trio() -> None:
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    dsn = make_url(server).set(drivername="postgresql")
    with pytest.raises(RuntimeError, match=r"^no running event loop$"):
        await asyncpg.connect(dsn.render_as_string(hide_password=False))
