from itertools import count

from polyfactory import Use
from polyfactory.factories.pydantic_factory import ModelFactory
from polyfactory.factories.sqlalchemy_factory import SQLAlchemyFactory

from .main import Item, ItemIn

NUMBERS = count(1)


# --8<-- [start:factories]
class ItemFactory(SQLAlchemyFactory[Item]):
    __set_primary_key__ = False  # (1)!

    name = Use(lambda: f"item-{next(NUMBERS)}")  # (2)!
    price = Use(lambda: ItemFactory.__random__.randint(0, 10_000))


class ItemInFactory(ModelFactory[ItemIn]):  # (3)!
    pass


# --8<-- [end:factories]
