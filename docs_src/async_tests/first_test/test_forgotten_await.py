import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app


@pytest.mark.anyio
async def test_forgotten_await_leaves_a_coroutine() -> None:
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = client.get("/ping")  # no await: nothing has been sent yet
        with pytest.raises(AttributeError) as error:
            response.status_code  # noqa: B018
        assert str(error.value) == ("'coroutine' object has no attribute 'status_code'")
        await response  # only now is the request sent
