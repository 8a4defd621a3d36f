import inspect
import sys
from collections.abc import Callable
from pathlib import Path

import coverage
import pytest

from . import main

HERE = Path(__file__).parent
Measure = Callable[[str], set[int]]


def body(*functions: object) -> set[int]:
    """The line numbers of the functions' bodies in main.py."""
    lines: set[int] = set()
    for function in functions:
        source, first = inspect.getsourcelines(function)
        lines |= {
            first + offset
            for offset, text in enumerate(source)
            if not text.lstrip().startswith(("@", "def ", "async def "))
        }
    return lines


# --8<-- [start:measure]
@pytest.fixture
def missing_lines(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> Measure:
    for name in ("COVERAGE_PROCESS_START", "COVERAGE_RCFILE", "COVERAGE_CORE"):
        monkeypatch.delenv(name, raising=False)  # (1)!
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makepyfile(main=(HERE / "main.py").read_text())
    pytester.makepyfile(test_app=(HERE / "scripts" / "app_tests.py").read_text())

    def measure(settings: str) -> set[int]:
        config = f"[run]\nsource = .\n{settings}\n"
        (pytester.path / ".coveragerc").write_text(config)
        result = pytester.run(  # (2)!
            sys.executable, "-m", "coverage", "run", "-m", "pytest", "-p", "anyio"
        )
        result.assert_outcomes(passed=3)
        data = coverage.Coverage(data_file=str(pytester.path / ".coverage"))
        data.load()
        return set(data.analysis2(str(pytester.path / "main.py"))[3])  # (3)!

    return measure


# --8<-- [end:measure]


# --8<-- [start:compare]
def test_default_misses_lines_after_greenlet_switches(missing_lines: Measure) -> None:
    missing = missing_lines("")
    assert missing
    assert missing <= body(main.answer, main.ask)
    assert not missing & body(main.total)


def test_greenlet_alone_misses_the_threads(missing_lines: Measure) -> None:
    missing = missing_lines("concurrency = greenlet")
    assert body(main.total) <= missing


def test_thread_and_greenlet_miss_nothing(missing_lines: Measure) -> None:
    assert missing_lines("concurrency = thread, greenlet") == set()


# --8<-- [end:compare]
