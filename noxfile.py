"""The version matrix: the examples on each supported Python and at both ends of
the ranges in pyproject.toml.

    nox -l                 list the sessions
    nox -s pins-3.12       run one of them
    nox                    run them all, one after the other

- `pins-3.11`, `pins-3.12`, `pins-3.13`: the versions in requirements/test.txt.
- `lowest`: Python 3.11, every declared package at its lower bound exactly.
- `latest`: Python 3.13, the newest releases that the ranges allow, pins ignored.

Each session runs `pytest docs_src` and `mkdocs build --strict`, then records what it
installed and how it ended in docs/reference/matrix.json; hooks/versions.py shows
that file on the versions page. Extra arguments (`nox -s lowest -- docs_src/x`)
replace `docs_src`; such a partial run is not recorded.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "docs" / "reference" / "matrix.json"
PYTHONS = ("3.11", "3.12", "3.13")
SESSIONS = [f"pins-{python}" for python in PYTHONS] + ["lowest", "latest"]
# The versions the results table shows for each session: every package that the
# versions page lists (hooks/versions.py, plain Python with no MkDocs import).
sys.path.insert(0, str(ROOT))
from hooks.versions import PACKAGES  # noqa: E402

KEY_PACKAGES = tuple(name for group in PACKAGES.values() for name, _ in group)
VERSIONS = (
    "import json, sys; from importlib.metadata import version; "
    "print(json.dumps({'python': sys.version.split()[0], "
    f"'packages': {{name: version(name) for name in {KEY_PACKAGES!r}}}}}))"
)

nox.options.default_venv_backend = "venv"
nox.options.sessions = SESSIONS


def interpreter(version: str) -> str:
    """The newest installed CPython `version`: from pyenv if present, else PATH."""
    pyenv = shutil.which("pyenv")
    if pyenv:
        found = subprocess.run(
            [pyenv, "prefix", version], capture_output=True, text=True, check=False
        )
        if found.returncode == 0:
            return str(Path(found.stdout.strip()) / "bin" / f"python{version}")
    return shutil.which(f"python{version}") or f"python{version}"


def declared(group: str = "test") -> list[str]:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    result = []
    for item in groups[group]:
        if isinstance(item, dict):
            result += declared(item["include-group"])
        else:
            result.append(item)
    return result


def at_lower_bounds(requirements: list[str]) -> list[str]:
    """`name[extras]==lower` for each requirement's `>=` bound."""
    from packaging.requirements import Requirement

    exact = []
    for text in requirements:
        requirement = Requirement(text)
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        if len(lower) != 1:
            raise ValueError(f"{text}: needs exactly one `>=` lower bound")
        extras = (
            f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
        )
        exact.append(f"{requirement.name}{extras}=={lower[0]}")
    return exact


def counts(junit: Path) -> dict[str, int]:
    if not junit.is_file():
        return {}
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    number = {key: int(suite.get(key, 0)) for key in ("tests", "failures", "errors")}
    skipped = int(suite.get("skipped", 0))
    return {
        "passed": number["tests"] - number["failures"] - number["errors"] - skipped,
        "failed": number["failures"],
        "errors": number["errors"],
        "skipped": skipped,
    }


def record(name: str, entry: dict) -> None:
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    sessions = results.get("sessions", {})
    sessions[name] = entry
    # Sessions that have never run stay listed, as "not run".
    ordered = {key: sessions.get(key, {"result": "not run"}) for key in SESSIONS}
    RESULTS.write_text(json.dumps({"sessions": ordered}, indent=2) + "\n")


def run_suite(session: nox.Session, installs: str) -> None:
    started = time.monotonic()
    # Outside the project, unlike nox's `session.create_tmp()`, which also points
    # TMPDIR into .nox/: pytest runs that examples start in a temporary folder
    # would then find this project's pyproject.toml and conftest.py above them.
    tmp = Path(tempfile.mkdtemp(prefix=f"nox-{session.name}-"))
    junit = tmp / "junit.xml"
    targets = session.posargs or ["docs_src"]
    result = "failed"
    try:
        session.run(
            "python",
            "-m",
            "pytest",
            *targets,
            "-p",
            "no:cacheprovider",
            f"--junitxml={junit}",
        )
        session.run(
            "python",
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(tmp / "site"),
            env={"NO_MKDOCS_2_WARNING": "1"},
        )
        result = "passed"
    finally:
        if session.posargs:
            session.log("Partial run: not recorded in %s", RESULTS.name)
        else:
            versions = session.run("python", "-c", VERSIONS, silent=True)
            record(
                session.name,
                {
                    "result": result,
                    "installs": installs,
                    **json.loads(versions),
                    "tests": counts(junit),
                    "wall_time_s": round(time.monotonic() - started),
                    "finished": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                },
            )
        shutil.rmtree(tmp, ignore_errors=True)


for python in PYTHONS:

    @nox.session(name=f"pins-{python}", python=interpreter(python))
    def pins(session: nox.Session) -> None:
        session.install("-r", "requirements/test.txt")
        run_suite(session, "requirements/test.txt")


@nox.session(python=interpreter("3.11"))
def lowest(session: nox.Session) -> None:
    session.install(*at_lower_bounds(declared()))
    run_suite(session, "every lower bound of pyproject.toml")


@nox.session(python=interpreter("3.13"))
def latest(session: nox.Session) -> None:
    session.install("--upgrade", *declared())
    run_suite(session, "the newest releases inside pyproject.toml's ranges")
