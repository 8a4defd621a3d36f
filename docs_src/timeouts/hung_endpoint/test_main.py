import anyio
import pytest
from httpx2 import AsyncClient


# --8<-- [start:bounded]
@pytest.mark.anyio
async def test_quick_answers_within_a_second(client: AsyncClient) -> None:
    with anyio.fail_after(1):  # (1)!
        response = await client.get("/quick")
    assert response.json() == {"status": "done"}


# --8<-- [end:bounded]


# --8<-- [start:stuck]
@pytest.mark.anyio
async def test_stuck_endpoint_fails_instead_of_hanging(client: AsyncClient) -> None:
    with pytest.raises(TimeoutError), anyio.fail_after(0.1):
        await client.get("/stuck")


# --8<-- [end:stuck]


# --8<-- [start:httpx_timeout]
@pytest.mark.anyio
async def test_httpx_timeout_is_not_applied_by_asgi_transport(
    client: AsyncClient,
) -> None:
    with pytest.raises(TimeoutError), anyio.fail_after(0.2):  # (1)!
        await client.get("/stuck", timeout=0.01)  # (2)!


# --8<-- [end:httpx_timeout]
