from datetime import datetime

from sqlalchemy import DateTime
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = ({"prefixes": ("TEMPORARY",)},)  # gone with the connection

    id: Mapped[int] = mapped_column(primary_key=True)
    placed_at: Mapped[datetime]  # (1)!


class Payment(Base):
    __tablename__ = "payments"
    __table_args__ = ({"prefixes": ("TEMPORARY",)},)

    id: Mapped[int] = mapped_column(primary_key=True)
    paid_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # (2)!
