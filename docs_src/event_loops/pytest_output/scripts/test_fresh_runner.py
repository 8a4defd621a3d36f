import anyio.lowlevel
import pytest

seen = []


@pytest.mark.anyio
async def test_first():
    seen.append(anyio.lowlevel.current_token().native_token)


@pytest.mark.anyio
async def test_second(anyio_backend):
    seen.append(anyio.lowlevel.current_token().native_token)
    first, second = seen[-2:]
    assert first is not second  # no async fixture held the runner in between
