class Inventory:
    """Stands for a connection pool: opened at startup, closed at shutdown."""

    def __init__(self) -> None:
        self.stock = {"apples": 3}
        self.closed = False

    async def close(self) -> None:
        self.closed = True
