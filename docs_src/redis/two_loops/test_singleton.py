import uuid

import pytest
from asgi_lifespan import LifespanManager
from httpx2 import ASGITransport, AsyncClient

from .conftest import in_a_new_loop
from .singleton_app import app

ALICE = {"X-API-Key": "alice"}


# --8<-- [start:tests]
@pytest.mark.anyio
async def test_third_search_in_a_minute_is_refused(client: AsyncClient) -> None:
    for _ in range(2):
        assert (await client.get("/search?q=tea", headers=ALICE)).status_code == 200
    response = await client.get("/search?q=tea", headers=ALICE)
    assert response.status_code == 429


@pytest.mark.anyio
async def test_searches_start_from_zero_again(client: AsyncClient) -> None:
    response = await client.get("/search?q=tea", headers=ALICE)
    assert response.status_code == 200  # (1)!


# --8<-- [end:tests]
# --8<-- [start:error]
async def one_test() -> int:
    async with LifespanManager(app) as manager:
        transport = ASGITransport(app=manager.app)
        async with AsyncClient(transport=transport, base_url="http://test") as client:
            headers = {"X-API-Key": uuid.uuid4().hex}
            return (await client.get("/search?q=tea", headers=headers)).status_code


def test_without_the_reset_the_second_loop_fails(
    stranded_limiter: None,
) -> None:
    assert in_a_new_loop(one_test) == 200  # (1)!
    with pytest.raises(RuntimeError) as error:
        in_a_new_loop(one_test)  # (2)!
    assert error.exconly() == "RuntimeError: Event loop is closed"
    assert "attached to a different loop" in str(error.value.__context__)


# --8<-- [end:error]
