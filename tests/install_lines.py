"""What each example folder needs installed, read from the pages' install lines.

A reader installs the guide's first install line (the first `$ pip install` on
the first page of the nav), then what the page they are on adds in its own
`$ pip install` lines, each for what follows it on the page. An example folder is
on every page that embeds one of its files, so it gets the first line plus the
lines that stand above its files on all those pages. Folders that
need the same packages form a group, and tests/test_install_lines.py runs each
group in one fresh virtual environment that holds those packages and nothing else.

`python -m tests.install_lines DEST` downloads the wheels of every package that an
install line names, at the pinned versions, into DEST; `python3 dev.py test` does
this before each run, so the check itself fetches nothing.
"""

from __future__ import annotations

import hashlib
import shlex
import subprocess
import sys
from collections import defaultdict
from functools import cache
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .snippets import DOCS, ROOT, Block, blocks

PINS = ROOT / "requirements" / "test.txt"
WHEELHOUSE = ROOT / ".venv" / "wheelhouse"


def install_lines(page: Path) -> list[tuple[Block, list[str]]]:
    """(block, requirements) of each `$ pip install NAME...` line of a page."""
    found = []
    for block in blocks(page):
        if block.language != "console":
            continue
        for line in block.body:
            words = (
                shlex.split(line.removeprefix("$ ")) if line.startswith("$ ") else []
            )
            if words[:2] == ["pip", "install"] and "-r" not in words:
                found.append((block, words[2:]))
    return found


def nav_pages() -> list[Path]:
    """The pages in the order of mkdocs.yml's nav."""

    def walk(items) -> list[str]:
        found = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            found += walk(value) if isinstance(value, list) else [value]
        return found

    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return [DOCS / source for source in walk(config["nav"])]


@cache
def first_line() -> tuple[str, ...]:
    for page in nav_pages():
        if lines := install_lines(page):
            return tuple(lines[0][1])
    raise LookupError("no page of the nav has a `$ pip install` line")


def folder_of(target: str) -> Path | None:
    """The example folder an include target belongs to, if any."""
    path = ROOT / target.split(":")[0]
    parts = path.relative_to(ROOT).parts
    if parts[0] != "docs_src":
        return None
    if parts[1] == "capstone" and parts[2] == "project":
        return ROOT.joinpath(*parts[:3])
    return ROOT.joinpath(*parts[:3]) if len(parts) > 3 else None


def folder_requirements() -> dict[Path, set[str]]:
    """Every example folder a page embeds, with the requirements a reader has there.

    A page's install line holds for what comes after it on the page: a folder
    embedded above a line that a later section adds does not get that line.
    """
    needs: dict[Path, set[str]] = defaultdict(set)
    for page in sorted(DOCS.rglob("*.md")):
        lines = {block.line: reqs for block, reqs in install_lines(page)}
        so_far = set(first_line())
        for block in blocks(page):
            so_far |= set(lines.get(block.line, []))
            for _, target in block.includes:
                if (folder := folder_of(target)) and folder.is_dir():
                    needs[folder] |= so_far
    return dict(needs)


def groups() -> dict[tuple[str, ...], list[Path]]:
    """Folders that need the same requirements, keyed by those requirements."""
    grouped: dict[tuple[str, ...], list[Path]] = defaultdict(list)
    for folder, requirements in sorted(folder_requirements().items()):
        grouped[tuple(sorted(requirements, key=str.lower))].append(folder)
    return dict(grouped)


def label(requirements: tuple[str, ...]) -> str:
    """A short id: what the group adds to the first install line."""
    extra = [req for req in requirements if req not in first_line()]
    return "+".join(canonicalize_name(Requirement(req).name) for req in extra) or (
        "first-line"
    )


def download(dest: Path) -> None:
    """Wheels of every package an install line names (with dependencies), pinned.

    Skipped when the pins and the install lines are those of the last download.
    """
    wanted = sorted({req for key in groups() for req in key})
    stamp = dest / ".downloaded"
    key = hashlib.sha256("\n".join([PINS.read_text(), *wanted]).encode()).hexdigest()
    if stamp.exists() and stamp.read_text() == key:
        return
    command = [sys.executable, "-m", "pip", "download", "--quiet",
               "--only-binary", ":all:", "--dest", str(dest), "-c", str(PINS),
               *wanted]  # fmt: skip
    subprocess.run(command, check=True)
    stamp.write_text(key)


if __name__ == "__main__":
    download(Path(sys.argv[1]) if len(sys.argv) > 1 else WHEELHOUSE)
