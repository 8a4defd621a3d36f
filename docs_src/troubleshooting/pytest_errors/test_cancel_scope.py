from .conftest import RunPytest

# --8<-- [start:source]
FIXTURE_WITH_TASK_GROUP = """
import anyio
import pytest
import pytest_asyncio


@pytest_asyncio.fixture
async def task_group():
    async with anyio.create_task_group() as tg:  # entered in one task...
        yield tg  # ...and left in another one by pytest-asyncio


@pytest.mark.asyncio
async def test_uses_task_group(task_group):
    assert task_group is not None
"""
# --8<-- [end:source]


# --8<-- [start:error]
def test_task_group_fixture_under_pytest_asyncio(run_pytest: RunPytest) -> None:
    lines = run_pytest(FIXTURE_WITH_TASK_GROUP)
    assert "PASSED test_example.py::test_uses_task_group" in lines  # (1)!
    assert (
        "ERROR test_example.py::test_uses_task_group - RuntimeError: "
        "Attempted to exit cancel scope in a different task than it was entered in"
    ) in lines


# --8<-- [end:error]


# --8<-- [start:fix]
def test_task_group_fixture_under_anyio(run_pytest: RunPytest) -> None:
    lines = run_pytest(
        FIXTURE_WITH_TASK_GROUP.replace(
            "@pytest_asyncio.fixture", "@pytest.fixture"
        ).replace("@pytest.mark.asyncio", "@pytest.mark.anyio")  # (1)!
    )
    assert "PASSED test_example.py::test_uses_task_group[asyncio]" in lines
    assert "PASSED test_example.py::test_uses_task_group[trio]" in lines
    assert not [line for line in lines if line.startswith("ERROR")]


# --8<-- [end:fix]
