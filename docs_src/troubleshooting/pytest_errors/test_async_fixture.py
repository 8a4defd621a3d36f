import shutil

import pytest

from .conftest import SCRIPTS


# --8<-- [start:error]
def test_plain_async_fixture_in_strict_mode(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_plain_fixture.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "ERROR test_plain_fixture.py::test_docs_page - Failed: 'test_docs_page' "
            "requested an async fixture 'client', with no plugin or hook that "
            "handled it. This is an error, as pytest does not natively support it."
        ]
    )
    result.assert_outcomes(errors=1)


# --8<-- [end:error]


# --8<-- [start:fix]
def test_pytest_asyncio_fixture_in_strict_mode(pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "test_asyncio_fixture.py", pytester.path)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(["PASSED test_asyncio_fixture.py::test_docs_page"])
    result.assert_outcomes(passed=1)


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
