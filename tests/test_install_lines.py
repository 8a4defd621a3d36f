"""Every example folder passes with only what its page's install line names.

The folders are grouped by what they need (tests/install_lines.py). Each group
gets a fresh virtual environment, made by uv from the wheels in .venv/wheelhouse
(downloaded by `python3 dev.py test`, so nothing is fetched here), holding the
first install line's packages, those of the pages that embed the folder, and
nothing else. Its folders are copied side by side into an empty directory and run
there by that environment's pytest, which loads whatever plugins the install line
brought and no settings of this repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .ci import under_ci
from .install_lines import PINS, WHEELHOUSE, groups, label
from .snippets import ROOT

GROUPS = groups()
# Kept from the suite's environment: the servers the examples may use.
PASSED_ON = ("POSTGRESQL_TEST_URL", "REDIS_TEST_URL", "PATH", "HOME", "LANG")


def fresh_environment(requirements: tuple[str, ...], folder: Path) -> Path:
    if not WHEELHOUSE.is_dir() or not shutil.which(
        "uv", path=Path(sys.executable).parent
    ):
        reason = f"no {WHEELHOUSE.relative_to(ROOT)}: run `python3 dev.py test`"
        if under_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    uv = str(Path(sys.executable).parent / "uv")
    venv = folder / "venv"
    quiet = {"capture_output": True, "text": True, "timeout": 300}
    subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
                   check=True, **quiet)  # fmt: skip
    installed = subprocess.run(
        [uv, "pip", "install", "--python", str(venv / "bin" / "python"),
         "--offline", "--no-index", "--find-links", str(WHEELHOUSE),
         "-c", str(PINS), *requirements],
        **quiet,
    )  # fmt: skip
    assert installed.returncode == 0, (
        f"could not install {requirements} from {WHEELHOUSE}: {installed.stderr}"
    )
    return venv / "bin" / "python"


@pytest.mark.parametrize(
    ("requirements", "folders"), list(GROUPS.items()), ids=[label(k) for k in GROUPS]
)
def test_examples_pass_with_only_their_install_line(
    requirements: tuple[str, ...], folders: list[Path], tmp_path: Path
) -> None:
    python = fresh_environment(requirements, tmp_path)
    env = {name: os.environ[name] for name in PASSED_ON if name in os.environ}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # Example packages run together, side by side; a project of its own (with
    # its pyproject.toml and no __init__.py) runs in its own folder.
    examples, runs = tmp_path / "examples", []
    for number, folder in enumerate(folders):
        copy = examples / f"{folder.parent.name}_{folder.name}_{number}"
        shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
        runs.append((examples, [copy.name]) if (copy / "__init__.py").exists()
                    else (copy, []))  # fmt: skip
    together = [name for cwd, names in runs if cwd == examples for name in names]
    runs = [(cwd, names) for cwd, names in runs if cwd != examples]
    runs += [(examples, together)] if together else []
    for cwd, paths in runs:
        result = subprocess.run(
            [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths],
            cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        summary = result.stdout.strip().splitlines()[-1:] or [result.stderr[-2000:]]
        assert result.returncode == 0, (
            f"with only `pip install {' '.join(requirements)}`, "
            f"{[str(f.relative_to(ROOT)) for f in folders]} gave {summary[0]}\n"
            + result.stdout[-4000:]
        )
