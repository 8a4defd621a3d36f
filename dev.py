"""Serve the guide or run its test suite, installing what each one needs first.

    python3 dev.py serve     the docs at http://127.0.0.1:8000, rebuilt on every save
    python3 dev.py test      the whole suite, with coverage of docs_src enforced

Both create `.venv/` beside this file on first use and install the pinned versions
from `requirements/`. They reinstall only when a requirements file changes.
Anything after `test` is handed to pytest (coverage is then not measured, because
a subset of the examples cannot cover them all). Outside CI, coverage is not
enforced either when tests were skipped for a missing service such as PostgreSQL.
"""

from __future__ import annotations

import hashlib
import os
import platform
import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from xml.etree import ElementTree

from tests.ci import under_ci

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# pyproject.toml's `requires-python = ">=X.Y.Z"`, read without tomllib (3.11+).
MINIMUM_PYTHON = tuple(
    int(n)
    for n in re.search(
        r'requires-python = ">=([\d.]+)"', (ROOT / "pyproject.toml").read_text()
    )[1].split(".")
)
REQUIREMENTS = {
    "serve": ROOT / "requirements" / "docs.txt",
    "test": ROOT / "requirements" / "test.txt",
}


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    python = VENV / scripts / ("python.exe" if os.name == "nt" else "python")
    if not python.exists():
        print(f"Creating {VENV.relative_to(ROOT)} ...", flush=True)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except subprocess.CalledProcessError:
            # Debian and Ubuntu ship venv's pip bootstrap as a separate package.
            sys.exit(
                "Could not create .venv: this Python has no ensurepip. "
                "Install your distribution's venv package (python3-venv) and retry."
            )
    return python


def install(python: Path, requirements: Path) -> None:
    # Hash every pin file: a change to any of them reinstalls.
    digest = hashlib.sha256()
    for path in sorted(requirements.parent.glob("*.txt")):
        digest.update(path.read_bytes())
    stamp = VENV / f".installed-{requirements.stem}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    print(f"Installing {requirements.relative_to(ROOT)} ...", flush=True)
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-r", str(requirements)],
        check=True,
    )
    stamp.write_text(digest.hexdigest())


def main(argv: list[str]) -> int:
    if len(argv) < 1 or argv[0] not in REQUIREMENTS:
        print(__doc__, file=sys.stderr)
        return 2
    if sys.version_info < MINIMUM_PYTHON:
        version = ".".join(map(str, MINIMUM_PYTHON))
        print(
            f"Python {platform.python_version()} is too old: the pinned versions "
            f"need {version} or newer. Run this file with a newer python3.",
            file=sys.stderr,
        )
        return 2
    command, extra = argv[0], argv[1:]
    python = venv_python()
    install(python, REQUIREMENTS[command])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def run(*args: str) -> int:
        return subprocess.run([str(python), *args], cwd=ROOT, env=env).returncode

    if command == "test":
        # Wheels for tests/test_install_lines.py, which builds fresh environments
        # from them with nothing fetched during the run.
        status = run("-m", "tests.install_lines")
        if status:
            return status
    if command == "serve":
        env["SITE_URL"] = "http://127.0.0.1:8000/"  # serve at the root, not /guide/
        return run("-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *extra)
    if extra:
        return run("-m", "pytest", *extra)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.xml"
        run("-m", "coverage", "erase")
        status = run("-m", "coverage", "run", "-m", "pytest", f"--junitxml={report}")
        skipped = skipped_tests(report)
    coverage = run("-m", "coverage", "report")
    if status or not coverage:
        return status
    if skipped and not under_ci():
        # Examples that need a missing service (PostgreSQL) were skipped, so their
        # lines could not run. CI has every service and always enforces coverage.
        print(
            f"Coverage of docs_src is below 100 %, but {skipped} tests were "
            "skipped (see the reasons above), so it is not enforced on this run."
        )
        return 0
    print("Coverage of docs_src is below 100 % (see the table above).")
    return coverage


def skipped_tests(report: Path) -> int:
    if not report.exists():
        return 0
    suites = ElementTree.parse(report).getroot().iter("testsuite")
    return sum(int(suite.get("skipped", 0)) for suite in suites)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
