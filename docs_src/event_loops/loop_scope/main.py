import asyncio


class Connection:
    """Stands for a driver's connection: it belongs to the loop that opened it."""

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()  # (1)!

    async def fetch(self) -> str:
        reply = self._loop.create_future()  # (2)!
        self._loop.call_later(0.01, reply.set_result, "pong")  # the server answers
        return await reply
