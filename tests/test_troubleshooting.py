"""The troubleshooting pages, their data files and the tests agree.

Each topic page `docs/troubleshooting/<topic>.md` has an entry per message: a
section headed `## ... { #anchor }`. Beside it, `<topic>.yml` holds a record per
entry (hooks/troubleshooting.py lists them on the index page). For each topic
this check fails, naming the file and line, when:

- a record is malformed: a key missing or unknown, an unknown status, or no
  reason where the status is not `answered`;
- an answered message has no entry: no heading with its anchor on the page;
- the entry's section does not hold the message verbatim;
- the test file the record names is missing, or none of its strings holds the
  message, verbatim or `re.escape`d;
- a heading on the page has no record.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from .snippets import DOCS, ROOT, relative

FOLDER = DOCS / "troubleshooting"
TOPICS = sorted(
    {path.stem for path in FOLDER.glob("*.md") if path.stem != "index"}
    | {path.stem for path in FOLDER.glob("*.yml")}
)
KEYS = {"message", "anchor", "test", "library", "versions", "threads", "status"}
STATUSES = {"answered", "out-of-scope", "not-reproducible"}
HEADING = re.compile(r"^## (?P<title>.*?)(?: \{ #(?P<anchor>[\w-]+) \})?\s*$")
THREAD = re.compile(r"^[\w.-]+/[\w.-]+#\d+$")


def records(path: Path) -> list[tuple[object, dict[str, int], int]]:
    """(record, line of each key, line of the record) for each record of a file."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    nodes = yaml.compose(text) or yaml.SequenceNode("", [])
    found = []
    for node, value in zip(nodes.value, yaml.safe_load(text) or [], strict=True):
        keys = node.value if isinstance(node, yaml.MappingNode) else []
        lines = {key.value: key.start_mark.line + 1 for key, _ in keys}
        found.append((value, lines, node.start_mark.line + 1))
    return found


def sections(path: Path) -> dict[str, tuple[int, str]]:
    """Anchor (or title, for a heading with none) -> (line, text of the section)."""
    found: dict[str, tuple[int, str]] = {}
    if not path.is_file():
        return found
    current, fenced = None, False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fenced ^= line.lstrip().startswith("```")
        heading = None if fenced else HEADING.match(line)
        if heading:
            current = heading["anchor"] or heading["title"]
            found[current] = (number, "")
        if current is not None:
            found[current] = (found[current][0], found[current][1] + line + "\n")
    return found


def strings(path: Path) -> list[str]:
    """Every string constant of a Python file (adjacent literals joined)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def malformed(record: object) -> tuple[str, str] | None:
    """(the key at fault, or "" for the whole record; what is wrong)."""
    if not isinstance(record, dict):
        return "", "a record must be a mapping of keys to values"
    if missing := KEYS - record.keys():
        return "", f"record lacks {', '.join(sorted(missing))}"
    if unknown := sorted(record.keys() - KEYS - {"reason"}):
        return unknown[0], f"record has unknown key(s) {', '.join(unknown)}"
    if record["status"] not in STATUSES:
        return (
            "status",
            f"unknown status {record['status']!r}: one of {sorted(STATUSES)}",
        )
    if record["status"] != "answered" and not record.get("reason"):
        return "status", f"status {record['status']!r} needs a reason"
    if not isinstance(record["threads"], list) or not all(
        isinstance(t, str) and THREAD.match(t) for t in record["threads"]
    ):
        return "threads", "threads must be a list of owner/repo#number"
    return None


@pytest.mark.parametrize("topic", TOPICS)
def test_entries_data_and_tests_agree(topic: str) -> None:
    page, data = FOLDER / f"{topic}.md", FOLDER / f"{topic}.yml"
    where_md, where_yml = relative(page), relative(data)
    entries = sections(page)
    problems, recorded = [], set()
    for record, lines, line in records(data):
        if isinstance(record, dict):
            recorded.add(record.get("anchor"))
        if fault := malformed(record):
            key, problem = fault
            problems.append(f"{where_yml}:{lines.get(key, line)}: {problem}")
            continue
        anchor, message = record["anchor"], record["message"]
        if record["status"] != "answered":
            continue
        if anchor not in entries:
            problems.append(
                f"{where_yml}:{lines['anchor']}: no entry for {message!r}:"
                f" {where_md} has no heading with {{ #{anchor} }}"
            )
        elif message not in entries[anchor][1]:
            problems.append(
                f"{where_md}:{entries[anchor][0]}: the entry #{anchor} does not"
                f" contain the message verbatim: {message!r}"
            )
        test = ROOT / record["test"]
        if not test.is_file():
            problems.append(f"{where_yml}:{lines['test']}: no file {record['test']}")
        elif not any(
            message in text or re.escape(message) in text for text in strings(test)
        ):
            problems.append(
                f"{where_yml}:{lines['test']}: {record['test']} does not contain"
                f" the message {message!r} in any string"
            )
    for anchor, (line, _) in entries.items():
        if anchor not in recorded:
            problems.append(f"{where_md}:{line}: heading has no record in {where_yml}")
    assert not problems, "\n".join(problems)
