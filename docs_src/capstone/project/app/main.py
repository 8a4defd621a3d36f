from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from httpx2 import AsyncBaseTransport
from sqlalchemy.ext.asyncio import async_sessionmaker

from .database import Base, make_engine
from .routers import items
from .settings import Settings
from .webhook import create_webhook_client


def create_app(webhook_transport: AsyncBaseTransport | None = None) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings = Settings()  # (1)!
        engine = make_engine(settings.database_url)
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)  # (2)!
        async with create_webhook_client(settings, webhook_transport) as webhook:
            app.state.settings = settings
            app.state.engine = engine
            app.state.sessionmaker = async_sessionmaker(engine, expire_on_commit=False)
            app.state.webhook = webhook
            yield
        await engine.dispose()

    app = FastAPI(title="Shop", lifespan=lifespan)
    app.include_router(items.router)
    return app


app = create_app()  # (3)!
