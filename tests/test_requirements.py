"""pyproject.toml is the one source of truth for dependencies.

- Every third-party module imported in `docs_src`, `tests`, `benchmarks` and `hooks`
  belongs to a distribution declared in the group that needs it (`test`; `docs`
  for hooks).
- `requirements/*.in` mirror the groups: they are what pip-compile reads.
- Every declared package is pinned with `==` in its group's `requirements/*.txt`,
  inside the declared range.
- No file names a package index: pip uses whatever index it is configured for.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ("docs", "test", "matrix")
IMPORTED_BY = {
    "docs_src": "test",
    "tests": "test",
    "benchmarks": "test",
    "hooks": "docs",
}


def declared(group: str) -> list[Requirement]:
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    return [
        found
        for item in groups[group]
        for found in (
            declared(item["include-group"])
            if isinstance(item, dict)
            else [Requirement(item)]
        )
    ]


def lines(path: Path) -> list[tuple[str, str]]:
    """(`file:line`, text) of the lines that are neither blank nor comments."""
    numbered = enumerate(path.read_text().splitlines(), start=1)
    return [
        (f"{path.relative_to(ROOT)}:{number}", text.split("#")[0].strip())
        for number, text in numbered
        if text.split("#")[0].strip()
    ]


def pins(path: Path) -> dict[str, tuple[str, str]]:
    """name -> (pinned version, `file:line`), following `-r` lines."""
    found = {}
    for where, text in lines(path):
        if text.startswith("-r "):
            found |= pins(path.parent / text[3:])
            continue
        name, equals, version = text.partition("==")
        if not equals or "," in version:
            raise AssertionError(f"{where}: not a `name==version` pin")
        found[canonicalize_name(name)] = (version.strip(), where)
    return found


@pytest.mark.parametrize("group", GROUPS)
def test_requirement_files_follow_the_group(group: str) -> None:
    listed = set()
    for _, text in lines(ROOT / "requirements" / f"{group}.in"):
        if text.startswith("-r "):
            listed |= {str(r) for r in declared(Path(text[3:]).stem)}
        elif not text.startswith("-c "):
            listed.add(str(Requirement(text)))
    expected = {str(requirement) for requirement in declared(group)}
    assert listed == expected, (
        f"requirements/{group}.in differs from the `{group}` group of pyproject.toml:"
        f" only in the .in file {sorted(listed - expected)},"
        f" only in pyproject.toml {sorted(expected - listed)}"
    )
    pinned, wrong = pins(ROOT / "requirements" / f"{group}.txt"), []
    for requirement in declared(group):
        version, where = pinned.get(canonicalize_name(requirement.name), ("", ""))
        if not version:
            wrong.append(f"requirements/{group}.txt: {requirement.name} is not pinned")
        elif not requirement.specifier.contains(version, prereleases=True):
            wrong.append(
                f"{where}: {requirement.name}=={version} is outside {requirement}"
            )
    assert not wrong, "\n".join(wrong)


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
        for top in {name.partition(".")[0] for name in names}:
            # Ours: the project's own, or beside the file or one folder up (an
            # inner run imports scripts/ copied next to main.py).
            places = (ROOT, path.parent, path.parent.parent)
            if top not in sys.stdlib_module_names and not any(
                (place / top).with_suffix(".py").exists() or (place / top).is_dir()
                for place in places
            ):
                found.append((node.lineno, top))
    return found


@pytest.mark.parametrize("folder", sorted(IMPORTED_BY))
def test_every_import_is_declared(folder: str) -> None:
    group = IMPORTED_BY[folder]
    names = {canonicalize_name(requirement.name) for requirement in declared(group)}
    providers, undeclared = packages_distributions(), []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for line, module in third_party_imports(path):
            found = providers.get(module, [])
            if not {canonicalize_name(name) for name in found} & names:
                undeclared.append(
                    f"{path.relative_to(ROOT)}:{line}: imports {module} "
                    f"({', '.join(found) or 'no installed distribution'}), which the "
                    f"`{group}` group of pyproject.toml does not declare"
                )
    assert not undeclared, "\n".join(undeclared)


# pip's options and configuration keys that name an index or a place to fetch from.
INDEX = re.compile(
    r"(^|\s)(-i|-f|--(extra-)?index-url|--find-links|--trusted-host)(\s|=)"
    r"|^\s*(extra-)?index-url\s*=|\[\[?tool\.uv\.index"
)


def test_no_file_names_a_package_index() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {text.strip()}"
        for path in sorted(ROOT.rglob("*"))
        if path.suffix in {".txt", ".in", ".toml", ".cfg", ".ini", ".py", ".yml"}
        and path != Path(__file__)
        and path.is_file()
        and not any(
            re.fullmatch(r"\.git|\.venv|\.nox|__pycache__|site.*|\..*_cache", part)
            for part in path.relative_to(ROOT).parts[:-1]
        )
        for number, text in enumerate(path.read_text().splitlines(), 1)
        if INDEX.search(text)
    ]
    assert not found, "these lines name a package index:\n" + "\n".join(found)
