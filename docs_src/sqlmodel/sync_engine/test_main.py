import pytest
from httpx2 import AsyncClient
from sqlalchemy import Connection
from sqlmodel import Session, func, select

from .main import Hero


# --8<-- [start:tests]
@pytest.mark.anyio
async def test_create_hero_writes_the_row(
    client: AsyncClient, connection: Connection
) -> None:
    response = await client.post("/heroes", json={"name": "Deadpond", "age": 30})
    assert response.status_code == 201
    hero_id = response.json()["id"]

    query = select(Hero.name, Hero.age).where(Hero.id == hero_id)
    assert connection.execute(query).one() == ("Deadpond", 30)  # (1)!


@pytest.mark.anyio
async def test_read_hero_finds_a_row_the_test_wrote(
    client: AsyncClient, connection: Connection
) -> None:
    with Session(bind=connection, expire_on_commit=False) as session:
        hero = Hero(name="Rusty-Man", age=48)
        session.add(hero)
        session.flush()  # (2)!

    response = await client.get(f"/heroes/{hero.id}")
    assert response.json() == {"id": hero.id, "name": "Rusty-Man", "age": 48}


# --8<-- [end:tests]
@pytest.mark.anyio
async def test_each_test_starts_empty(
    client: AsyncClient, connection: Connection
) -> None:
    assert connection.scalar(select(func.count()).select_from(Hero)) == 0
    response = await client.get("/heroes/1")
    assert response.status_code == 404
