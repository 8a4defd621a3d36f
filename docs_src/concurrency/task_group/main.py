import anyio
from fastapi import FastAPI, Request

app = FastAPI()


class Gate:
    """Lets requests through only once `expected` of them are waiting at once."""

    def __init__(self, expected: int) -> None:
        self.expected = expected
        self.arrived = 0
        self.open = anyio.Event()  # (1)!

    async def wait(self) -> int:
        self.arrived += 1
        position = self.arrived
        if self.arrived == self.expected:
            self.open.set()
        await self.open.wait()
        return position


@app.get("/gate")
async def pass_gate(request: Request) -> dict[str, int]:
    gate: Gate = request.app.state.gate
    return {"position": await gate.wait()}
