import pytest
from httpx2 import AsyncClient

pytestmark = pytest.mark.anyio


# --8<-- [start:indirect]
@pytest.mark.parametrize(
    ("any_client", "user"),
    [("client", "anonymous"), ("admin_client", "admin")],
    indirect=["any_client"],  # (1)!
)
async def test_me(any_client: AsyncClient, user: str) -> None:
    response = await any_client.get("/me")
    assert response.json() == {"user": user}


# --8<-- [end:indirect]
