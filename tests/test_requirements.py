"""pyproject.toml is the one source of truth for dependencies.

- Every third-party module imported in `docs_src`, `tests` and `hooks` belongs to
  a distribution that pyproject.toml declares, in the group that needs it (`docs`
  for the hooks, `test` for the examples and the harness).
- `requirements/*.in` mirror the groups: they are what pip-compile reads.
- Every declared package is pinned with `==` in its group's `requirements/*.txt`,
  and the pin lies inside the declared range.
- No file records a package index: pip uses whatever index it is configured for.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
GROUPS = ("docs", "test", "matrix")
# Which group must declare the imports found under each folder.
IMPORTED_BY = {"docs_src": "test", "tests": "test", "hooks": "docs"}
LOCAL = {path.stem for path in ROOT.iterdir()}
NOT_SCANNED = {
    ".git",
    ".venv",
    ".nox",
    "site",
    "site-zensical",
    "__pycache__",
    ".ruff_cache",
}


def declared(group: str) -> list[Requirement]:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    result = []
    for item in groups[group]:
        if isinstance(item, dict):
            result += declared(item["include-group"])
        else:
            result.append(Requirement(item))
    return result


def requirement_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the lines that are neither blank nor comments."""
    found = []
    for number, raw in enumerate(path.read_text().splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            found.append((number, line))
    return found


def pins(path: Path) -> dict[str, tuple[str, str]]:
    """name -> (pinned version, `file:line`), following `-r` lines."""
    found: dict[str, tuple[str, str]] = {}
    for number, line in requirement_lines(path):
        where = f"{path.relative_to(ROOT)}:{number}"
        if line.startswith("-r "):
            found |= pins(path.parent / line[3:].strip())
            continue
        try:
            requirement = Requirement(line)
        except InvalidRequirement as error:
            raise AssertionError(f"{where}: not a requirement: {error}") from None
        specifiers = list(requirement.specifier)
        if len(specifiers) != 1 or specifiers[0].operator != "==":
            raise AssertionError(f"{where}: not a `name==version` pin")
        found[canonicalize_name(requirement.name)] = (specifiers[0].version, where)
    return found


@pytest.mark.parametrize("group", GROUPS)
def test_in_files_mirror_the_groups(group: str) -> None:
    path = REQUIREMENTS / f"{group}.in"
    listed = set()
    for _, line in requirement_lines(path):
        if line.startswith("-r "):
            listed |= {str(r) for r in declared(Path(line[3:].strip()).stem)}
        elif not line.startswith("-c "):
            listed.add(str(Requirement(line)))
    expected = {str(requirement) for requirement in declared(group)}
    assert listed == expected, (
        f"{path.relative_to(ROOT)} differs from the `{group}` group of "
        f"pyproject.toml: only in the .in file {sorted(listed - expected)}, "
        f"only in pyproject.toml {sorted(expected - listed)}"
    )


@pytest.mark.parametrize("group", GROUPS)
def test_declared_ranges_admit_the_pins(group: str) -> None:
    pinned = pins(REQUIREMENTS / f"{group}.txt")
    wrong = []
    for requirement in declared(group):
        version, where = pinned.get(
            canonicalize_name(requirement.name), (None, f"requirements/{group}.txt")
        )
        if version is None:
            wrong.append(f"{where}: {requirement.name} is declared but not pinned")
        elif not requirement.specifier.contains(version, prereleases=True):
            wrong.append(
                f"{where}: {requirement.name}=={version} is outside {requirement}"
            )
    assert not wrong, "pins vs pyproject.toml:\n" + "\n".join(wrong)


@cache
def distributions() -> dict[str, list[str]]:
    return packages_distributions()


def third_party_imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level module) of each absolute import that is not ours."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.partition(".")[0]
            # A module that an inner run imports from its own folder, which
            # holds the file or is copied beside it (scripts/ next to main.py).
            ours = [folder / top for folder in (path.parent, path.parent.parent)]
            if (
                top not in sys.stdlib_module_names
                and top not in LOCAL
                and not any(p.with_suffix(".py").exists() or p.is_dir() for p in ours)
            ):
                found.append((node.lineno, top))
    return found


@pytest.mark.parametrize("folder", sorted(IMPORTED_BY))
def test_every_import_is_declared(folder: str) -> None:
    group = IMPORTED_BY[folder]
    names = {canonicalize_name(requirement.name) for requirement in declared(group)}
    undeclared = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for line, module in third_party_imports(path):
            providers = distributions().get(module, [])
            if not {canonicalize_name(name) for name in providers} & names:
                source = ", ".join(providers) or "no installed distribution"
                undeclared.append(
                    f"{path.relative_to(ROOT)}:{line}: imports {module} ({source}), "
                    f"which the `{group}` group of pyproject.toml does not declare"
                )
    assert not undeclared, "\n".join(undeclared)


def text_files() -> list[Path]:
    found = []
    for path in sorted(ROOT.rglob("*")):
        parts = set(path.relative_to(ROOT).parts)
        if path.is_file() and not parts & NOT_SCANNED and path != Path(__file__):
            if path.suffix in {".txt", ".in", ".toml", ".cfg", ".ini", ".py", ".yml"}:
                found.append(path)
    return found


# pip's options and configuration keys that name an index or a place to fetch from.
INDEX = re.compile(
    r"(^|\s)(-i|-f|--(extra-)?index-url|--find-links|--trusted-host)(\s|=)"
    r"|^\s*(extra-)?index-url\s*="
    r"|\[\[?tool\.uv\.index"
)


def test_no_file_names_a_package_index() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in text_files()
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1)
        if INDEX.search(line)
    ]
    assert not found, "these lines name a package index:\n" + "\n".join(found)
