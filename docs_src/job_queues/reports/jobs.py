import os
from typing import Any, ClassVar

from arq.connections import RedisSettings


# --8<-- [start:job]
async def build_report(ctx: dict[str, Any], user_id: int) -> str:
    key = f"report:{user_id}"
    await ctx["redis"].set(key, f"report for user {user_id}")  # (1)!
    return key


# --8<-- [end:job]
class WorkerSettings:  # (2)!
    functions: ClassVar = [build_report]
    redis_settings = RedisSettings.from_dsn(
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
