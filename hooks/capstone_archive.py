"""MkDocs hook: offer the capstone project as a zip at /downloads/capstone-project.zip.

The archive is made from docs_src/capstone/project at every build, so it is always
the tested code. It is deterministic: names sorted, one fixed timestamp, fixed
permissions, and nothing a run leaves behind (__pycache__, caches, databases).
It holds the reader's code only: the lines that mark sections for the pages'
includes, and the markers of the pages' code annotations, are taken out.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "docs_src" / "capstone" / "project"
URI = "downloads/capstone-project.zip"
FOLDER = "capstone-project"
LEFT_BY_RUNS = {"__pycache__", ".pytest_cache"}
# `# --8<-- [start:name]` lines, and ` # (1)!` at the end of a line.
SECTION_LINE = re.compile(r"^[ \t]*# --8<-- \[(?:start|end):[\w-]+\][ \t]*\n", re.M)
ANNOTATION = re.compile(r"[ \t]*# \(\d+\)!(?=[ \t]*$)", re.M)


def without_markup(text: str) -> str:
    text = ANNOTATION.sub("", SECTION_LINE.sub("", text))
    return text.rstrip() + "\n"


def archive(project: Path = PROJECT) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip_file:
        for path in sorted(project.rglob("*")):
            relative = path.relative_to(project)
            if path.is_dir() or LEFT_BY_RUNS & set(relative.parts):
                continue
            if path.suffix in {".db", ".pyc"} or ".db-" in path.name:
                continue
            info = zipfile.ZipInfo(
                f"{FOLDER}/{relative.as_posix()}", (1980, 1, 1, 0, 0, 0)
            )
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            content = path.read_bytes()
            if path.suffix in {".py", ".toml", ".md", ".txt", ".ini", ".cfg"}:
                content = without_markup(content.decode("utf-8")).encode("utf-8")
            zip_file.writestr(info, content)
    return buffer.getvalue()


def on_files(files: Files, config, **kwargs) -> Files:
    # A file of the build like any page's asset: links to it are checked, and
    # `mkdocs serve` serves it.
    files.append(File.generated(config, URI, content=archive()))
    return files
