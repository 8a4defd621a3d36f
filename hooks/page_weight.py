"""MkDocs hook: keep every page's first load inside the weight budget.

Material's own CSS and JavaScript weigh about 300 KB on every first load, and the
budget for a whole page is 350 KB (tests/test_browser.py measures it). Two changes,
neither visible on screen, buy the room that long chapters need:

- Code blocks: Pygments wraps every name and every run of spaces in a `<span>`
  whose colour is the default text colour anyway (`.n`, `.w`). Those wrappers are
  dropped, and neighbouring spans of one class are merged.
- The theme's main stylesheet: rules whose selectors name a class that appears in
  no built page and no theme script can never match, and are dropped. The CSS is
  parsed with tinycss2, not with regular expressions.

Whitespace between tags is removed by the `minify` plugin (mkdocs.yml).
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2
from mkdocs.config.defaults import MkDocsConfig

PLAIN_SPAN = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')
SAME_CLASS_PAIR = re.compile(
    r'<span class="([a-z0-9]+)">([^<]*)</span><span class="\1">([^<]*)</span>'
)
CODE_BLOCK = re.compile(r"<pre[ >].*?</pre>", re.DOTALL)
CLASS_NAME = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
# Inside :not(), :is(), :where() and :has() an unknown class does not prove that
# the selector never matches, so their arguments are not looked at.
PSEUDO_ARGUMENTS = re.compile(r":[a-z-]+\([^()]*\)")
WORD = re.compile(r"[_a-zA-Z][_a-zA-Z0-9-]*")


def thin(code_block: str) -> str:
    code_block = PLAIN_SPAN.sub(r"\1", code_block)
    merged = None
    while merged != code_block:
        merged, code_block = (
            code_block,
            SAME_CLASS_PAIR.sub(r'<span class="\1">\2\3</span>', code_block),
        )
    return code_block


def on_page_content(html: str, **_: object) -> str:
    return CODE_BLOCK.sub(lambda match: thin(match[0]), html)


def classes(selector: str) -> set[str]:
    previous = None
    while previous != selector:
        previous, selector = selector, PSEUDO_ARGUMENTS.sub(":", selector)
    return set(CLASS_NAME.findall(selector))


def used_rules(rules: list, words: set[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = tinycss2.serialize(rule.prelude).split(",")
            alive = [s for s in selectors if classes(s) <= words]
            if not alive:
                continue
            rule.prelude = tinycss2.parse_component_value_list(",".join(alive))
        elif rule.type == "at-rule" and rule.lower_at_keyword in {"media", "supports"}:
            inner = tinycss2.parse_rule_list(
                rule.content, skip_comments=True, skip_whitespace=True
            )
            inner = used_rules(inner, words)
            if not inner:
                continue
            rule.content = tinycss2.parse_component_value_list(
                tinycss2.serialize(inner)
            )
        kept.append(rule)
    return kept


def on_post_build(config: MkDocsConfig, **_: object) -> None:
    site = Path(config.site_dir)
    scripts = [*site.glob("assets/javascripts/**/*.js")]
    texts = (
        path.read_text(encoding="utf-8") for path in [*site.rglob("*.html"), *scripts]
    )
    words = {word for text in texts for word in WORD.findall(text)}
    for stylesheet in site.glob("assets/stylesheets/main.*.min.css"):
        rules = tinycss2.parse_stylesheet(
            stylesheet.read_text(encoding="utf-8"),
            skip_comments=True,
            skip_whitespace=True,
        )
        stylesheet.write_text(
            tinycss2.serialize(used_rules(rules, words)), encoding="utf-8"
        )
