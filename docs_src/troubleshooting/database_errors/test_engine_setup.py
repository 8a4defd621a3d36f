import pytest
from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, InvalidRequestError, NoSuchModuleError
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool, QueuePool

pytestmark = pytest.mark.anyio


# --8<-- [start:sync-driver]
def test_sync_driver() -> None:
    with pytest.raises(InvalidRequestError) as error:
        create_async_engine("sqlite:///app.db")  # the sync driver
    assert str(error.value) == (
        "The asyncio extension requires an async driver to be used. "
        "The loaded 'pysqlite' is not async."
    )


async def test_async_driver() -> None:
    engine = create_async_engine("sqlite+aiosqlite:///app.db")  # the async driver
    assert engine.dialect.driver == "aiosqlite"
    await engine.dispose()


# --8<-- [end:sync-driver]


# --8<-- [start:postgres-scheme]
def test_postgres_scheme() -> None:
    url = "postgres://app@127.0.0.1:5432/shop"  # as some hosts print it
    with pytest.raises(NoSuchModuleError) as error:
        create_async_engine(url)
    assert str(error.value) == "Can't load plugin: sqlalchemy.dialects:postgres"


async def test_scheme_for_asyncpg() -> None:
    url = make_url("postgresql://app@127.0.0.1:5432/shop")
    engine = create_async_engine(
        url.set(drivername="postgresql+asyncpg")
    )  # the async driver
    assert engine.dialect.driver == "asyncpg"
    await engine.dispose()


# --8<-- [end:postgres-scheme]


# --8<-- [start:pool-class]
def test_sync_pool_class() -> None:
    with pytest.raises(ArgumentError) as error:
        create_async_engine("sqlite+aiosqlite://", poolclass=QueuePool)
    assert str(error.value).startswith(
        "Pool class QueuePool cannot be used with asyncio engine"
    )


async def test_async_pool_class() -> None:
    engine = create_async_engine(
        "sqlite+aiosqlite://", poolclass=AsyncAdaptedQueuePool
    )  # the default for async engines, named
    assert isinstance(engine.pool, AsyncAdaptedQueuePool)
    await engine.dispose()


# --8<-- [end:pool-class]
