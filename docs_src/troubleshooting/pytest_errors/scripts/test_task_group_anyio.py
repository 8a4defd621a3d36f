import anyio
import pytest


@pytest.fixture
async def task_group():
    async with anyio.create_task_group() as tg:  # entered and left in one task
        yield tg


@pytest.mark.anyio
async def test_uses_task_group(task_group):
    assert task_group is not None
