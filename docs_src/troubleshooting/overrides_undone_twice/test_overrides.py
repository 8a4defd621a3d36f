import shutil
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).parent / "scripts"


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    for name in ("main.py", "test_me.py"):
        shutil.copy(SCRIPTS / name, pytester.path)
    pytester.syspathinsert()  # (1)!


def run(pytester: pytest.Pytester, conftest: str) -> pytest.RunResult:
    shutil.copy(SCRIPTS / conftest, pytester.path / "conftest.py")
    return pytester.runpytest("-p", "anyio", "-p", "no:cacheprovider")


# --8<-- [start:error]
@pytest.mark.usefixtures("project")
def test_override_undone_twice(pytester: pytest.Pytester) -> None:
    result = run(pytester, "conftest_undone_twice.py")
    result.assert_outcomes(passed=2, errors=1)  # (1)!
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_alice_on_pro_plan*",
            "E       KeyError: <function get_user at 0x*>",
        ]
    )


# --8<-- [end:error]


# --8<-- [start:fix]
@pytest.mark.usefixtures("project")
def test_overrides_set_with_monkeypatch(pytester: pytest.Pytester) -> None:
    result = run(pytester, "conftest_monkeypatch.py")
    result.assert_outcomes(passed=2)


# --8<-- [end:fix]
