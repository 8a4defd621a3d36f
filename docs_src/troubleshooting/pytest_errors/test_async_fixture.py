import pytest

from .conftest import RunPytest

# --8<-- [start:source]
PLAIN_FIXTURE_IN_STRICT_MODE = """
import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

app = FastAPI()


@pytest.fixture  # a plain pytest fixture...
async def client():
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


@pytest.mark.asyncio  # ...for a pytest-asyncio test in strict mode
async def test_docs_page(client):
    response = await client.get("/docs")
    assert response.status_code == 200
"""
# --8<-- [end:source]


# --8<-- [start:error]
def test_plain_async_fixture_in_strict_mode(run_pytest: RunPytest) -> None:
    lines = run_pytest(PLAIN_FIXTURE_IN_STRICT_MODE)
    assert (
        "ERROR test_example.py::test_docs_page - Failed: 'test_docs_page' "
        "requested an async fixture 'client', with no plugin or hook that "
        "handled it. This is an error, as pytest does not natively support it."
    ) in lines


# --8<-- [end:error]


# --8<-- [start:fix]
def test_pytest_asyncio_fixture_in_strict_mode(run_pytest: RunPytest) -> None:
    lines = run_pytest(
        PLAIN_FIXTURE_IN_STRICT_MODE.replace(
            "import pytest\n", "import pytest\nimport pytest_asyncio\n"
        ).replace("@pytest.fixture", "@pytest_asyncio.fixture")  # (1)!
    )
    assert "PASSED test_example.py::test_docs_page" in lines


# --8<-- [end:fix]


# --8<-- [start:old]
async def never_run_client():  # a fixture that older pytest could not run
    yield "client"


@pytest.mark.anyio
async def test_older_pytest_handed_over_the_generator() -> None:
    value = never_run_client()  # (1)!
    with pytest.raises(AttributeError) as error:
        value.get("/docs")  # (2)!
    assert str(error.value) == "'async_generator' object has no attribute 'get'"
    assert [item async for item in value] == ["client"]  # (3)!


# --8<-- [end:old]
