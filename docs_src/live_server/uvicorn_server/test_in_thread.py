import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn
from httpx2 import AsyncClient

from .main import app


@pytest.fixture
def base_url(free_tcp_port: int) -> Iterator[str]:  # (1)!
    config = uvicorn.Config(
        app, host="127.0.0.1", port=free_tcp_port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)  # (2)!
    thread.start()
    try:
        deadline = time.monotonic() + 5
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.started, "uvicorn did not start within 5 seconds"
        yield f"http://127.0.0.1:{free_tcp_port}"
    finally:
        server.should_exit = True  # (3)!
        thread.join(timeout=5)
    assert not thread.is_alive()


@pytest.mark.anyio
async def test_ping_from_any_backend(base_url: str) -> None:
    async with AsyncClient(base_url=base_url, trust_env=False) as client:
        response = await client.get("/ping")
    assert response.json() == {"status": "ok"}
