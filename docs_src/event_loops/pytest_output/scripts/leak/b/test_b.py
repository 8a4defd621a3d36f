import pytest
import sniffio


@pytest.mark.anyio
async def test_runs_on_its_backend(anyio_backend):
    assert sniffio.current_async_library() == anyio_backend
