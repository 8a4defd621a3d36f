"""A small rate-limiting library that keeps one Redis client per process."""

from redis.asyncio import Redis

_redis: Redis | None = None


def init(url: str) -> None:
    global _redis
    if _redis is None:  # (1)!
        _redis = Redis.from_url(url)


async def allow(key: str, limit: int, seconds: int) -> bool:
    assert _redis is not None, "call ratelimit.init() at startup"
    hits = await _redis.incr(f"ratelimit:{key}")
    if hits == 1:
        await _redis.expire(f"ratelimit:{key}", seconds)
    return hits <= limit
