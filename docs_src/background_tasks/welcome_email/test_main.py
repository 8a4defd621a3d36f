from collections.abc import AsyncIterator

import pytest
from httpx2 import ASGITransport, AsyncClient

from .main import app, outbox


@pytest.fixture(autouse=True)
def empty_outbox() -> None:
    outbox.clear()


# --8<-- [start:effect]
@pytest.mark.anyio
async def test_welcome_email_sent_once_response_returns(client: AsyncClient) -> None:
    response = await client.post("/signup", params={"email": "ada@example.com"})
    assert response.status_code == 201
    assert outbox == ["ada@example.com"]  # (1)!


# --8<-- [end:effect]


# --8<-- [start:failure]
@pytest.mark.anyio
async def test_failing_task_raises_although_response_was_sent(
    client: AsyncClient,
) -> None:
    with pytest.raises(ConnectionError) as error:  # (1)!
        await client.post("/signup", params={"email": "bob@invalid"})
    assert str(error.value) == "mail server refused bob@invalid"


@pytest.fixture
async def lenient_client() -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=app, raise_app_exceptions=False)  # (2)!
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.mark.anyio
async def test_response_is_201_even_when_the_task_fails(
    lenient_client: AsyncClient,
) -> None:
    response = await lenient_client.post("/signup", params={"email": "bob@invalid"})
    assert response.status_code == 201  # (3)!
    assert outbox == []


# --8<-- [end:failure]
