import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app

pytestmark = pytest.mark.anyio


async def test_error_after_the_first_chunk_reaches_the_test() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        with pytest.raises(RuntimeError, match=r"^report source went away$"):
            await client.get("/report")


async def test_without_raising_the_status_is_already_200() -> None:
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/report")
    assert response.status_code == 200  # (1)!
    assert response.text == "line 1\n"  # (2)!
