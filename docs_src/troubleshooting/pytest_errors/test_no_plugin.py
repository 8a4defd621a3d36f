from .conftest import RunPytest


# --8<-- [start:error]
def test_unmarked_async_test_fails(run_pytest: RunPytest) -> None:
    lines = run_pytest(
        """
        async def test_ping():
            assert 1 + 1 == 2
        """
    )
    assert (
        "FAILED test_example.py::test_ping - "
        "Failed: async def functions are not natively supported."
    ) in lines


# --8<-- [end:error]


# --8<-- [start:fix]
def test_marked_async_test_passes(run_pytest: RunPytest) -> None:
    lines = run_pytest(
        """
        import pytest

        @pytest.mark.anyio
        async def test_ping():
            assert 1 + 1 == 2
        """
    )
    assert "PASSED test_example.py::test_ping[asyncio]" in lines  # (1)!
    assert "PASSED test_example.py::test_ping[trio]" in lines


# --8<-- [end:fix]
