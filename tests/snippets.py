"""What a `--8<--` include puts on a page, as pymdownx.snippets itself computes it.

The options come from mkdocs.yml through MkDocs' own config loader, so the harness
sees exactly the text the site build embeds: sections cut out, markers removed,
sections dedented.
"""

from __future__ import annotations

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
