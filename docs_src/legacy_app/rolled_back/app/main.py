from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from . import db
from .items import router


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    async with db.engine.begin() as connection:  # (1)!
        await connection.run_sync(db.Base.metadata.create_all)
    async with db.audit_engine.begin() as connection:
        await connection.run_sync(db.AuditBase.metadata.create_all)
    yield
    await db.engine.dispose()  # (2)!
    await db.audit_engine.dispose()


app = FastAPI(lifespan=lifespan)
app.include_router(router)
