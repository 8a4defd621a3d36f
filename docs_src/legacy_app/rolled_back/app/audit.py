from .db import AuditEntry, AuditSession


async def record(action: str) -> None:
    async with AuditSession() as session:  # (1)!
        session.add(AuditEntry(action=action))
        await session.commit()
