import pytest
from httpx2 import AsyncClient

from .main import produced


@pytest.fixture(autouse=True)
def clear_produced() -> None:
    produced.clear()


# --8<-- [start:read]
@pytest.mark.anyio
async def test_countdown_streams_one_line_per_number(client: AsyncClient) -> None:
    async with client.stream("GET", "/countdown/3") as response:  # (1)!
        lines = [line async for line in response.aiter_lines()]  # (2)!
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert lines == ["3", "2", "1"]


# --8<-- [end:read]


# --8<-- [start:buffered]
@pytest.mark.anyio
async def test_asgi_transport_buffers_the_whole_body(client: AsyncClient) -> None:
    async with client.stream("GET", "/countdown/3") as response:
        assert produced == ["3", "2", "1"]  # (1)!
        chunks = [chunk async for chunk in response.aiter_raw()]
    assert chunks == [b"3\n2\n1\n"]  # (2)!


# --8<-- [end:buffered]
