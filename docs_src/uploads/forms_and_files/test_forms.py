import pytest
from httpx2 import AsyncClient

pytestmark = pytest.mark.anyio


# --8<-- [start:form]
async def test_form_fields(client: AsyncClient) -> None:
    data = {"name": "Alice", "newsletter": "true"}  # (1)!
    response = await client.post("/profile", data=data)
    assert response.json() == {"name": "Alice", "newsletter": True}


# --8<-- [end:form]
# --8<-- [start:single]
async def test_one_file(client: AsyncClient) -> None:
    files = {"file": ("avatar.png", b"\x89PNG fake image", "image/png")}  # (1)!
    response = await client.post("/avatar", files=files)
    assert response.json() == {
        "filename": "avatar.png",
        "content_type": "image/png",
        "size": 15,
    }


# --8<-- [end:single]
# --8<-- [start:several]
async def test_several_files_with_a_field(client: AsyncClient) -> None:
    files = [  # (1)!
        ("photos", ("beach.jpg", b"first", "image/jpeg")),
        ("photos", ("hills.jpg", b"second", "image/jpeg")),
    ]
    data = {"caption": "Holidays"}  # (2)!
    response = await client.post("/albums/summer/photos", files=files, data=data)
    assert response.json() == {
        "album": "summer",
        "caption": "Holidays",
        "files": ["beach.jpg", "hills.jpg"],
    }


# --8<-- [end:several]
# --8<-- [start:missing_field]
async def test_missing_form_field_is_422(client: AsyncClient) -> None:
    files = [("photos", ("beach.jpg", b"first", "image/jpeg"))]
    response = await client.post("/albums/summer/photos", files=files)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "caption"]
    assert error["msg"] == "Field required"


# --8<-- [end:missing_field]
