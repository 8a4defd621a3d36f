import asyncio
import re
from pathlib import Path

import pytest
from aerich.exceptions import DowngradeError
from aerich.models import Aerich
from httpx2 import AsyncClient
from tortoise.context import TortoiseContext
from tortoise.exceptions import ConfigurationError

from .conftest import apply_migrations, command, postgresql_server
from .main import Item

pytestmark = pytest.mark.anyio


# --8<-- [start:tests]
async def test_the_migrated_schema_serves_the_app(
    client: AsyncClient, database_url: str
) -> None:
    response = await client.post("/items", json={"name": "pen", "price": 150})
    assert response.status_code == 201
    assert await Item.filter(name="pen").count() == 1
    applied = await Aerich.all().values_list("version", flat=True)  # (1)!
    folder = Path(command(database_url).location) / "models"
    assert applied == [path.name for path in folder.glob("*.py")]


async def test_upgrade_again_applies_nothing(database_url: str) -> None:
    assert await apply_migrations(database_url) == []  # (2)!


async def test_the_first_migration_has_no_downgrade(database_url: str) -> None:
    async with TortoiseContext(), command(database_url) as aerich:
        with pytest.raises(DowngradeError, match="No downgrade items found"):
            await aerich.downgrade(version=-1, delete=False)  # (3)!


# --8<-- [end:tests]
# --8<-- [start:second_command]
async def two_commands_in_one_task(url: str) -> None:
    async with command(url) as first:  # (1)!
        await first.upgrade()
    second = command(url)
    await second.init()  # (2)!


async def test_a_second_command_needs_a_fresh_context(database_url: str) -> None:
    message = (
        "DB configuration not initialised. Make sure to call Tortoise.init "
        "with a valid configuration before attempting to create connections."
    )
    with pytest.raises(ConfigurationError, match=re.escape(message)):
        await asyncio.create_task(two_commands_in_one_task(database_url))  # (3)!


# --8<-- [end:second_command]


def test_postgresql_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("POSTGRESQL_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set POSTGRESQL_TEST_URL"):
        postgresql_server()
