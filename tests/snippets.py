"""What a `--8<--` include puts on a page, as pymdownx.snippets itself computes it.

The options come from mkdocs.yml through MkDocs' own config loader, so the harness
sees exactly the text the site build embeds: sections cut out, markers removed,
sections dedented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


@cache
def snippets_config() -> dict[str, object]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "pymdownx.snippets" in config["markdown_extensions"], (
        "mkdocs.yml does not enable pymdownx.snippets"
    )
    options = dict(config["mdx_configs"]["pymdownx.snippets"])
    options["base_path"] = [str(ROOT / path) for path in options["base_path"]]
    return options


def snippets() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippets_config()},
    )


def expand(lines: list[str]) -> list[str]:
    """The lines that these include lines turn into."""
    return snippets().preprocessors["snippet"].run([line.strip() for line in lines])


def embedded(target: str) -> list[str]:
    """The lines that `--8<-- "target"` puts on a page."""
    return expand([f'--8<-- "{target}"'])


# The single-line include form: --8<-- "path" or --8<-- "path:section".
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$')
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Block:
    """A fenced code block of a page."""

    line: int  # of the opening fence, counted from 1
    language: str
    info: str  # everything after the backticks
    body: list[str]  # dedented to the fence

    @property
    def is_include(self) -> bool:
        lines = [line for line in self.body if line.strip()]
        return bool(lines) and all(INCLUDE.match(line) for line in lines)


def include_targets(markdown_text: str) -> list[str]:
    """The target of every `--8<--` include line, in order."""
    return [
        match["target"]
        for line in markdown_text.splitlines()
        if (match := INCLUDE.match(line))
    ]


def fenced_blocks(page: Path) -> list[Block]:
    blocks, lines = [], page.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        number += 1
        if not opening:
            continue
        start, body = number, []
        while number < len(lines) and not lines[number].strip().startswith(
            opening["fence"]
        ):
            body.append(lines[number].removeprefix(opening["indent"]))
            number += 1
        number += 1
        info = opening["info"].strip()
        language = re.match(r"\{?\s*\.?([\w-]*)", info)[1]
        blocks.append(Block(start, language, info, body))
    return blocks
