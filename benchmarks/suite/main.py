"""The app of the benchmark's suite: notes stored by SQLAlchemy at DATABASE_URL."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, TypedDict

from fastapi import Depends, FastAPI, HTTPException, Request
from sqlalchemy import Column, Integer, MetaData, String, Table, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

metadata = MetaData()
notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(50), unique=True),
)


class State(TypedDict):
    engine: AsyncEngine


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    engine = create_async_engine(os.environ["DATABASE_URL"])
    async with engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    yield {"engine": engine}
    await engine.dispose()


app = FastAPI(lifespan=lifespan)


async def get_connection(request: Request) -> AsyncIterator[AsyncConnection]:
    async with request.state.engine.begin() as connection:
        yield connection


@app.post("/notes/{title}", status_code=201)
async def create_note(
    title: str, connection: Annotated[AsyncConnection, Depends(get_connection)]
) -> dict[str, int]:
    try:
        result = await connection.execute(
            insert(notes).values(title=title).returning(notes.c.id)
        )
    except IntegrityError:
        raise HTTPException(409, "A note with this title exists") from None
    return {"id": result.scalar_one()}
