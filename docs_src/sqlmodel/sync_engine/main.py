import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypedDict

from fastapi import Depends, FastAPI, HTTPException, Request
from sqlalchemy import Engine, event
from sqlmodel import Field, Session, SQLModel, create_engine


class HeroIn(SQLModel):
    name: str = Field(min_length=1, max_length=50)
    age: int | None = Field(default=None, ge=0)


class Hero(HeroIn, table=True):
    __tablename__ = "heroes"

    id: int | None = Field(default=None, primary_key=True)


def make_engine(url: str) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":  # as on the Database page

        @event.listens_for(engine, "connect")
        def configure(dbapi_connection: Any, record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def emit_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

    return engine


class State(TypedDict):
    engine: Engine


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    engine = make_engine(os.environ.get("DATABASE_URL", "sqlite:///heroes.db"))
    SQLModel.metadata.create_all(engine)
    yield {"engine": engine}
    engine.dispose()


app = FastAPI(lifespan=lifespan)


def get_session(request: Request) -> Iterator[Session]:  # (1)!
    with Session(request.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


@app.post("/heroes", status_code=201)
def create_hero(hero: HeroIn, session: SessionDep) -> Hero:  # (2)!
    row = Hero.model_validate(hero)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


@app.get("/heroes/{hero_id}")
def read_hero(hero_id: int, session: SessionDep) -> Hero:
    hero = session.get(Hero, hero_id)
    if hero is None:
        raise HTTPException(404, "Hero not found")
    return hero
