import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from tortoise.context import TortoiseContext
from tortoise.exceptions import ConfigurationError, OperationalError

from .conftest import admin, postgresql_server, with_scheme
from .main import Item, tortoise_config

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
async def postgresql_url() -> AsyncIterator[str]:
    server = postgresql_server()
    name = f"test_{uuid.uuid4().hex}"
    url = with_scheme(server, "postgres", database=name)
    await admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        await admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --8<-- [start:cache]
def config_named(url: str, name: str) -> dict[str, Any]:
    return {
        "connections": {name: url},
        "apps": {"models": {"models": [Item.__module__], "default_connection": name}},
    }


async def create_an_item(config: dict[str, Any]) -> None:
    async with TortoiseContext() as context:  # (1)!
        await context.init(config=config)
        await context.generate_schemas()
        row = await Item.create(name="pen", price=150)
        await row.delete()


async def test_one_name_for_two_databases_fails(
    tmp_path: Path, postgresql_url: str
) -> None:
    name = f"default_{uuid.uuid4().hex}"  # (2)!
    await create_an_item(config_named(f"sqlite://{tmp_path}/items.db", name))
    with pytest.raises(OperationalError, match='syntax error at or near ","'):
        await create_an_item(config_named(postgresql_url, name))  # (3)!


async def test_a_name_per_database_works(tmp_path: Path, postgresql_url: str) -> None:
    await create_an_item(tortoise_config(f"sqlite://{tmp_path}/items.db"))
    await create_an_item(tortoise_config(postgresql_url))  # (4)!


# --8<-- [end:cache]
# --8<-- [start:url]
SQLALCHEMY_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


async def test_asyncpg_refuses_a_sqlalchemy_url() -> None:
    message = (
        'invalid DSN: scheme is expected to be either "postgresql" or "postgres", '
        "got 'postgresql+asyncpg'"
    )
    with pytest.raises(asyncpg.ClientConfigurationError, match=re.escape(message)):
        await asyncpg.connect(SQLALCHEMY_URL)  # (1)!


async def test_tortoise_refuses_a_sqlalchemy_url() -> None:
    message = "Unknown DB scheme: postgresql+asyncpg"
    with pytest.raises(ConfigurationError, match=re.escape(message)):
        await create_an_item(config_named(SQLALCHEMY_URL, "postgres"))


# --8<-- [end:url]


# --8<-- [start:derive]
@pytest.mark.parametrize(
    "server",
    [
        "postgresql+asyncpg://app:secret@127.0.0.1:5432/postgres",  # SQLAlchemy's form
        "postgresql://app:secret@127.0.0.1:5432/postgres",  # libpq's form
    ],
)
def test_both_forms_give_the_same_urls(server: str) -> None:
    assert with_scheme(server, "postgresql") == (
        "postgresql://app:secret@127.0.0.1:5432/postgres"  # for asyncpg
    )
    assert with_scheme(server, "postgres", database="test_1") == (
        "postgres://app:secret@127.0.0.1:5432/test_1"  # for Tortoise
    )


# --8<-- [end:derive]


def test_postgresql_examples_skip_without_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("POSTGRESQL_TEST_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="set POSTGRESQL_TEST_URL"):
        postgresql_server()
