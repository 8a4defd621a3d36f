import pytest


@pytest.fixture
async def user():
    return {"name": "ada"}


@pytest.mark.anyio  # marks go on tests only
async def test_user(user):
    assert user["name"] == "ada"
