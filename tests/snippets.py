"""The one reader of pages: their fenced blocks, and what their includes embed.

Blocks come from markdown-it-py. The bodies of admonitions and tabs (`???`,
`!!!`, `===`) are indented, which CommonMark reads as code: their opening lines
are blanked and the body parsed again, one level down. Includes are resolved by
pymdownx.snippets itself, with the options of mkdocs.yml read by MkDocs' own
loader, so the harness sees the text the site build embeds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
from markdown_it import MarkdownIt
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
INCLUDE = re.compile(r'^\s*-+8<-+\s+"(?P<target>[^"]+)"\s*$')
CONTAINER = re.compile(r"(?m)^[ \t]*(\?\?\?\+?|!!!|===\+?) .*$")
SETTING = re.compile(r'([\w-]+)="([^"]*)"')
PARSER = MarkdownIt("commonmark")


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@dataclass(frozen=True)
class Block:
    """A fenced code block of a page."""

    page: Path
    line: int  # of the opening fence, counted from 1
    info: str  # what follows the backticks
    body: list[str]  # dedented to the fence

    @property
    def language(self) -> str:
        return re.match(r"\{?\s*\.?([\w-]*)", self.info)[1]

    @property
    def settings(self) -> dict[str, str]:
        return dict(SETTING.findall(self.info))

    @property
    def includes(self) -> list[tuple[int, str]]:
        """(page line, target) of each include line."""
        return [
            (self.line + number, match["target"])
            for number, text in enumerate(self.body, start=1)
            if (match := INCLUDE.match(text))
        ]

    @property
    def is_include(self) -> bool:
        return bool(self.body) and len(self.includes) == sum(
            1 for text in self.body if text.strip()
        )

    def shown(self) -> list[str]:
        """The lines a reader sees: includes expanded."""
        return expand(self.body) if self.is_include else self.body

    def where(self, offset: int = 0) -> str:
        return f"{relative(self.page)}:{self.line + offset}"


def fences(text: str, offset: int = 0) -> list[tuple[int, str, list[str]]]:
    found = []
    for token in PARSER.parse(CONTAINER.sub("", text)):
        if token.type == "fence":
            body = token.content.removesuffix("\n").split("\n")
            found.append((offset + token.map[0] + 1, token.info.strip(), body))
        elif token.type == "code_block":  # an admonition's or a tab's body
            inner = re.sub(r"(?m)^ {4}", "", token.content)
            found += fences(inner, offset + token.map[0])
    return found


@cache
def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    return [Block(page, *found) for found in fences(text)]


def every_block(*languages: str) -> list[Block]:
    return [
        block
        for page in PAGES
        for block in blocks(page)
        if not languages or block.language in languages
    ]


def includes(page: Path) -> list[tuple[int, str]]:
    """(line, target) of every include of a page."""
    return [found for block in blocks(page) for found in block.includes]


def include_targets(markdown_text: str) -> list[str]:
    """The target of every include line in a text, in order."""
    return [
        m["target"] for line in markdown_text.splitlines() if (m := INCLUDE.match(line))
    ]


@cache
def snippets_config() -> dict[str, object]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    options = dict(config["mdx_configs"]["pymdownx.snippets"])
    options["base_path"] = [str(ROOT / path) for path in options["base_path"]]
    return options


def expand(lines: list[str]) -> list[str]:
    """The lines that these include lines turn into (SnippetMissingError if none)."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": snippets_config()},
    )
    return md.preprocessors["snippet"].run([line.strip() for line in lines])


def embedded(target: str) -> list[str]:
    """The lines that `--8<-- "target"` puts on a page."""
    return expand([f'--8<-- "{target}"'])
