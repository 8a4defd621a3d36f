import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import make_url

SCRIPTS = Path(__file__).parent / "scripts"
PLUGINS = ["-p", "anyio", "-p", "pytest_asyncio.plugin"]


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    monkeypatch.delenv("PYTEST_PLUGINS", raising=False)
    shutil.copytree(SCRIPTS, pytester.path, dirs_exist_ok=True)


@pytest.fixture
def postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    server = os.environ.get("POSTGRESQL_TEST_URL")
    if not server:
        pytest.skip(
            "set POSTGRESQL_TEST_URL to a PostgreSQL server the tests may create "
            "databases on, e.g. postgresql://postgres@127.0.0.1:5432/postgres"
        )
    url = make_url(server).set(drivername="postgresql+asyncpg")
    monkeypatch.setenv("DATABASE_URL", url.render_as_string(hide_password=False))


# --8<-- [start:takeover]
@pytest.mark.usefixtures("project", "postgresql")
def test_auto_mode_runs_anyio_fixtures_on_another_loop(
    pytester: pytest.Pytester,
) -> None:
    # A child process: the failed run leaves asyncpg connections on closed loops,
    # and collecting them later can crash the interpreter that runs this test.
    result = pytester.runpytest_subprocess(*PLUGINS)
    result.assert_outcomes(failed=2)  # (1)!
    result.stdout.fnmatch_lines(
        [
            "E   RuntimeError: Task <Task pending name=* coro=<test_select_one() *>"
            " got Future <Future pending *> attached to a different loop",
        ]
    )


@pytest.mark.usefixtures("project", "postgresql")
def test_strict_mode_leaves_them_to_anyio(pytester: pytest.Pytester) -> None:
    # A child process too: run in this one, it crashes the interpreter as well.
    result = pytester.runpytest_subprocess(*PLUGINS, "-o", "asyncio_mode=strict")
    result.assert_outcomes(passed=2)  # (2)!


@pytest.mark.usefixtures("project")
def test_sqlite_hides_the_takeover(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{pytester.path}/app.db")
    result = pytester.runpytest(*PLUGINS)  # (3)!
    result.assert_outcomes(passed=2)


# --8<-- [end:takeover]


# --8<-- [start:internalerror]
@pytest.mark.usefixtures("project")
def test_unset_loop_scope_under_filterwarnings_error(
    pytester: pytest.Pytester,
) -> None:
    result = pytester.runpytest(*PLUGINS, "-c", "unset_loop_scope.ini")
    assert result.ret == pytest.ExitCode.INTERNAL_ERROR  # (1)!
    result.stderr.fnmatch_lines(
        [
            "INTERNALERROR> pytest.PytestDeprecationWarning: The configuration option"
            ' "asyncio_default_fixture_loop_scope" is unset.',
        ]
    )


# --8<-- [end:internalerror]
