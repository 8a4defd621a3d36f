"""The pinned versions in requirements/ agree with the ranges in pyproject.toml.

- Every dependency that pyproject.toml declares for a group (`docs`, `test`) is
  pinned with `==` in that group's requirements file, inside the declared range.
- The requirements files name no package index: pip uses whatever index it is
  configured for.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"


def declared(group: str) -> list[Requirement]:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    result = []
    for item in groups[group]:
        if isinstance(item, dict):
            result += declared(item["include-group"])
        else:
            result.append(Requirement(item))
    return result


def pins(path: Path) -> dict[str, str]:
    """name -> pinned version, following `-r other.txt` lines."""
    found: dict[str, str] = {}
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("-r "):
            found |= pins(path.parent / line[3:].strip())
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)(\[[^\]]*\])?==([^\s;]+)", line)
        assert match, f"{path.relative_to(ROOT)}:{number}: not a `name==version` pin"
        found[canonicalize_name(match[1])] = match[3]
    return found


@pytest.mark.parametrize("group", ["docs", "test"])
def test_declared_ranges_admit_the_pins(group: str) -> None:
    pinned = pins(REQUIREMENTS / f"{group}.txt")
    wrong = []
    for requirement in declared(group):
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None:
            wrong.append(f"{requirement.name}: declared but not pinned")
        elif not requirement.specifier.contains(version, prereleases=True):
            wrong.append(f"{requirement.name}=={version} is outside {requirement}")
    assert not wrong, f"requirements/{group}.txt vs pyproject.toml:\n" + "\n".join(
        wrong
    )


@pytest.mark.parametrize("path", sorted(REQUIREMENTS.glob("*.txt")), ids=str)
def test_requirements_name_no_index(path: Path) -> None:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        assert not re.search(r"://|--(extra-)?index-url|--find-links|^-[if]\b", line), (
            f"{path.relative_to(ROOT)}:{number}: names a package index"
        )
