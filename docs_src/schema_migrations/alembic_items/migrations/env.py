import asyncio
from importlib import import_module

from alembic import context
from sqlalchemy import Connection

config = context.config
main = import_module(config.get_main_option("app_module"))  # (1)!
settings, target_metadata = main.settings, main.Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    engine = main.make_engine(settings.database_url)  # (2)!
    async with engine.connect() as connection:
        await connection.run_sync(run_migrations)
    await engine.dispose()


connection = config.attributes.get("connection")  # (3)!
if connection is None:
    asyncio.run(run_async_migrations())  # (4)!
else:
    run_migrations(connection)
