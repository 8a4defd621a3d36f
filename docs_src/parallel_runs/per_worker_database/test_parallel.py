import os

import pytest

from .conftest import Prepare

PLUGINS = ("-p", "xdist", "-p", "anyio", "-p", "no:cacheprovider")


# --8<-- [start:per_worker]
def test_each_worker_gets_its_own_database(
    pytester: pytest.Pytester, prepare: Prepare
) -> None:
    prepare("conftest.py")
    result = pytester.runpytest(*PLUGINS, "-n", "2")
    on_postgresql = 20 if os.environ.get("POSTGRESQL_TEST_URL") else 0  # (1)!
    result.assert_outcomes(passed=20 + on_postgresql, skipped=20 - on_postgresql)
    result.stdout.fnmatch_lines(["created: 2/2 workers"])


# --8<-- [end:per_worker]
# --8<-- [start:shared]
def test_workers_sharing_one_database_collide(
    pytester: pytest.Pytester, prepare: Prepare
) -> None:
    prepare("conftest_shared.py")
    result = pytester.runpytest(*PLUGINS, "-n", "2", "--dist", "each")  # (1)!
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) <= 20  # (2)!
    result.stdout.fnmatch_lines(["*assert 409 == 201*"])


# --8<-- [end:shared]
