import pytest
import sniffio


@pytest.fixture
async def backend_at_setup() -> str:  # (1)!
    return sniffio.current_async_library()


async def test_runs_on_its_backend(  # (2)!
    request: pytest.FixtureRequest, backend_at_setup: str
) -> None:
    backend = sniffio.current_async_library()
    assert backend_at_setup == backend
    assert request.node.name == f"test_runs_on_its_backend[{backend}]"  # (3)!


def test_plain_test_with_the_async_fixture(backend_at_setup: str) -> None:  # (4)!
    assert backend_at_setup == "asyncio"
