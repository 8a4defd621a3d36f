import pytest
from httpx2 import AsyncClient

pytestmark = pytest.mark.anyio


# --8<-- [start:field-name]
async def test_file_under_another_name(client: AsyncClient) -> None:
    files = {"avatar": ("ada.png", b"\x89PNG", "image/png")}  # (1)!
    response = await client.post("/avatars", files=files)
    assert response.status_code == 422
    assert str(response.json()) == (
        "{'detail': [{'type': 'missing', 'loc': ['body', 'file'], "
        "'msg': 'Field required', 'input': None}]}"
    )


async def test_file_in_data(client: AsyncClient) -> None:
    response = await client.post("/avatars", data={"file": "ada.png"})  # (2)!
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == (
        "Value error, Expected UploadFile, received: <class 'str'>"
    )


async def test_file_under_the_parameter_name(client: AsyncClient) -> None:
    files = {"file": ("ada.png", b"\x89PNG", "image/png")}  # (3)!
    response = await client.post("/avatars", files=files)
    assert response.json() == {"name": "ada.png", "size": 4}


# --8<-- [end:field-name]
