from sqlalchemy import String
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

engine = create_async_engine(
    "postgresql+asyncpg://shop:s3cret@localhost:5432/shop"
)  # (1)!
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)

audit_engine = create_async_engine("sqlite+aiosqlite:///./audit.db")  # (2)!
AuditSession = async_sessionmaker(audit_engine, expire_on_commit=False)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class AuditBase(DeclarativeBase):  # (3)!
    pass


class AuditEntry(AuditBase):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(100))
