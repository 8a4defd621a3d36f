import pytest


@pytest.mark.anyio  # a mark on a fixture
@pytest.fixture
async def user():
    return {"name": "ada"}


@pytest.mark.anyio
async def test_user(user):
    assert user["name"] == "ada"
