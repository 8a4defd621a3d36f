import os

from fastapi import FastAPI
from tortoise import fields
from tortoise.contrib.fastapi import register_tortoise
from tortoise.models import Model


class Item(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50)


def create_app() -> FastAPI:
    app = FastAPI()

    @app.on_event("startup")
    async def start_orm() -> None:
        register_tortoise(  # (1)!
            app,
            db_url=os.environ["DATABASE_URL"],  # (2)!
            modules={"models": [__name__]},
            generate_schemas=True,
        )

    @app.post("/items", status_code=201)
    async def create_item(name: str) -> dict[str, int]:
        row = await Item.create(name=name)
        return {"id": row.id}

    return app
