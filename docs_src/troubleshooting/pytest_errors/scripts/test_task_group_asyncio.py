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
