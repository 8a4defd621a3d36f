from collections.abc import AsyncIterator

import anyio
import pytest
import uvicorn
from httpx2 import AsyncClient

from .main import app


# --8<-- [start:backend]
@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"  # (1)!


# --8<-- [end:backend]


# --8<-- [start:fixture]
@pytest.fixture
async def base_url(free_tcp_port: int) -> AsyncIterator[str]:  # (1)!
    config = uvicorn.Config(
        app, host="127.0.0.1", port=free_tcp_port, log_level="warning"
    )
    server = uvicorn.Server(config)
    async with anyio.create_task_group() as tg:
        tg.start_soon(server.serve)  # (2)!
        with anyio.fail_after(5):  # (3)!
            while not server.started:  # noqa: ASYNC110
                await anyio.sleep(0.01)
        yield f"http://127.0.0.1:{free_tcp_port}"
        server.should_exit = True  # (4)!


# --8<-- [end:fixture]


# --8<-- [start:tests]
@pytest.mark.anyio
async def test_ping_over_a_real_socket(base_url: str) -> None:
    async with AsyncClient(base_url=base_url, trust_env=False) as client:  # (1)!
        response = await client.get("/ping")
    assert response.json() == {"status": "ok"}


@pytest.mark.anyio
async def test_read_three_lines_of_an_endless_stream(base_url: str) -> None:
    async with AsyncClient(base_url=base_url, trust_env=False) as client:
        with anyio.fail_after(2):
            async with client.stream("GET", "/ticks") as response:
                lines = response.aiter_lines()  # (2)!
                first_three = [await anext(lines) for _ in range(3)]
    assert first_three == ["tick 1", "tick 2", "tick 3"]
    # --8<-- [end:tests]
