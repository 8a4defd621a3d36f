"""The built site, checked in a real browser (Chromium, through pytest-playwright).

What these tests guarantee, for the site that `mkdocs build --strict` produces,
served from 127.0.0.1 under the path of `site_url`, for every page in the build:

- it loads with no console error, no uncaught exception, no failed request and no
  request to any host but 127.0.0.1 (every other host is blocked and reported, so
  a run never reaches the network), and has an edit link to its source;
- its first load (HTML, CSS, JavaScript, fonts and images, not the search index)
  weighs at most 100 KB once gzip-compressed, as hosts serve it;
- an axe-core audit, in light and in dark mode, finds no violation of impact
  "serious" or "critical" (axe's script comes from axe-playwright-python);
- linked content tabs switch together wherever two tab sets share a title.

And, once for the site: a copy button copies an embedded example exactly as it is
in docs_src, without `# (1)!` annotation markers; the light/dark toggle switches
the colour scheme and back; search finds `LifespanManager` and "attached to a
different loop" and a click opens the page that explains it; at phone width the
navigation drawer opens and leads to a chapter; an unknown address gets the
site's own styled 404 page. The terminal summary lists each page's weight and
the audit's findings.

Chromium comes from the system (`apt-get install chromium`), or from the path in
the CHROMIUM environment variable. Without it these tests are skipped, except
under CI, where a missing browser is an error. pytest-playwright's options apply,
e.g. `--screenshot only-on-failure --output screenshots`.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from mkdocs.config import load_config
from playwright.sync_api import BrowserContext, Page, Response, Route, expect

from .ci import under_ci
from .conftest import Build
from .site_report import report
from .site_server import serve
from .snippets import embedded, include_targets

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))

# One page's first load, gzip-compressed, without the search index (1 KB = 1000 B).
PAGE_BUDGET_BYTES = 100_000
SEARCH_INDEX = "search/search_index.json"
# What hosts compress; fonts and raster images are served as they are.
COMPRESSED_TYPES = re.compile(r"text/|javascript|json|xml|svg")
SERIOUS = {"serious", "critical"}
PHONE = {"width": 390, "height": 844}
# Search terms and the page that explains each one. If that page is not in the
# build, the expected target is any page whose text contains the term.
SEARCH_TARGETS = {
    "LifespanManager": "tutorial/lifespan.md",
    "attached to a different loop": "tutorial/event-loops.md",
}

expect.set_options(timeout=10_000)
AXE = Axe()


def page_url(source: str) -> str:
    """Where a page is served: `tutorial/lifespan.md` -> `tutorial/lifespan/`."""
    stem = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


# --- The browser and the site ----------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, kept off the network, instead of a downloaded browser."""
    path = shutil.which(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
    if path is None:
        reason = (
            "Chromium not found: install it with `apt-get install chromium`, "
            "or set CHROMIUM to a Chromium executable."
        )
        if under_ci():
            pytest.fail(f"{reason} (under CI a missing browser is a failure)")
        pytest.skip(reason)
    flags = [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium's sandbox refuses to run as root.
    return {**browser_type_launch_args, "executable_path": path, "args": flags}


@pytest.fixture(scope="session")
def base_url(built_site: Build) -> Iterator[str]:
    if not (built_site.site_dir / "index.html").exists():
        pytest.fail(f"The site was not built:\n{built_site.log}")
    with serve(built_site.site_dir) as url:
        yield url


def served_size(response: Response) -> int:
    """Bytes on the wire: text types gzip-compressed (level 6), the rest raw."""
    body = response.body()
    if COMPRESSED_TYPES.search(response.headers.get("content-type", "")):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


@dataclass
class Visit:
    """What the browser saw in one context: problems, and bytes by address."""

    expected_404: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)

    def watch(self, context: BrowserContext) -> None:
        context.route("**/*", self.route)
        context.on("response", self.on_response)
        context.on("requestfailed", self.on_failed)
        context.on("console", self.on_console)
        context.on("weberror", lambda e: self.problems.append(f"error: {e.error}"))

    def route(self, route: Route) -> None:
        # Nothing may leave the machine: every other host is blocked and reported.
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.problems.append(f"third-party request: {route.request.url}")
            route.abort("blockedbyclient")

    def on_response(self, response) -> None:
        if 300 <= response.status < 400:
            return
        if response.status != 200 and response.url not in self.expected_404:
            self.problems.append(f"status {response.status}: {response.url}")
        self.sizes[response.url] = served_size(response)

    def on_failed(self, request) -> None:
        if urlsplit(request.url).hostname == "127.0.0.1":
            self.problems.append(f"failed request: {request.failure} {request.url}")

    def on_console(self, message) -> None:
        # Chromium logs the status of a page that is meant to be a 404.
        if message.type == "error" and not (
            "404" in message.text and message.location.get("url") in self.expected_404
        ):
            self.problems.append(f"console error: {message.text}")

    @property
    def weight(self) -> int:
        return sum(n for url, n in self.sizes.items() if SEARCH_INDEX not in url)


@pytest.fixture
def visit() -> Iterator[Visit]:
    """What the test's browser contexts saw; any problem fails the test."""
    seen = Visit()
    yield seen
    assert not seen.problems, "\n".join(seen.problems)


@pytest.fixture
def context(context: BrowserContext, visit: Visit) -> BrowserContext:
    """pytest-playwright's context, watched by `visit`."""
    visit.watch(context)
    return context


# --- Every page ----------------------------------------------------------------


@pytest.fixture(scope="session")
def findings(request: pytest.FixtureRequest) -> Iterator[dict]:
    """Weights and audit results by page, summed up in the site report."""
    found: dict = {"weights": {}, "axe": {}}
    yield found
    weights = sorted(found["weights"].items(), key=lambda item: -item[1])
    for url, weight in weights:
        report(request.config, f"weight {url}", f"{weight / 1000:6.1f} KB  /{url}")
    if weights:
        url, weight = weights[0]
        report(
            request.config,
            "heaviest",
            f"heaviest first load: /{url} at {weight / 1000:.1f} KB gzipped "
            f"(budget {PAGE_BUDGET_BYTES / 1000:.0f} KB, search index excluded)",
        )
    for scheme in ("light", "dark"):
        audits = [found for (_, s), found in found["axe"].items() if s == scheme]
        if audits:
            rules = sum(audits, Counter())
            summary = ", ".join(f"{n} {rule}" for rule, n in sorted(rules.items()))
            report(
                request.config,
                f"axe {scheme}",
                f"axe, {scheme}: {len(audits)} pages, violations by impact and "
                f"rule (page count): {summary or 'none'}",
            )


def audit(page: Page) -> tuple[Counter, list[str]]:
    """axe-core's violations, counted by impact and rule, and the serious ones."""
    violations = AXE.run(page).response["violations"]
    counted = Counter(f"{v['impact']} {v['id']}" for v in violations)
    serious = [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]
    return counted, serious


@pytest.mark.parametrize("source", SOURCES)
def test_page_loads_cleanly_and_passes_audit(
    source: str, page: Page, visit: Visit, findings: dict
) -> None:
    url = page_url(source)
    response = page.goto(url, wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    # The theme's scripts ran: the search box is wired up.
    expect(page.locator(".md-search__input")).to_be_enabled()
    # The edit link opens this page's source in the repository.
    expect(page.locator("a[rel=edit]")).to_have_attribute(
        "href", re.compile(re.escape(f"/edit/main/docs/{source}") + "$")
    )
    findings["weights"][url] = visit.weight
    failures = []
    if visit.weight > PAGE_BUDGET_BYTES:
        heaviest = sorted(visit.sizes.items(), key=lambda item: -item[1])
        failures.append(
            f"first load {visit.weight} B > {PAGE_BUDGET_BYTES} B: {heaviest}"
        )
    # The same page in both colour schemes, switched by the theme's own toggle.
    for scheme, attribute in (("light", "default"), ("dark", "slate")):
        if scheme == "dark":
            page.locator("form[data-md-component=palette] label:visible").click()
        body = page.locator("body")
        expect(body).to_have_attribute("data-md-color-scheme", attribute)
        findings["axe"][url, scheme], serious = audit(page)
        failures += [f"{scheme}: {violation}" for violation in serious]
    assert not failures, "\n".join(failures)


TAB_TITLE = re.compile(r'^\s*===\+? "(?P<title>[^"]+)"', re.MULTILINE)


def has_linked_tabs(source: str) -> bool:
    """Whether a tab title occurs more than once on the page."""
    titles = Counter(TAB_TITLE.findall((DOCS / source).read_text(encoding="utf-8")))
    return any(n > 1 for n in titles.values())


TAB_SETS = """() => [...document.querySelectorAll('.tabbed-set')].map(set =>
  [...set.querySelectorAll(':scope > .tabbed-labels > label')]
    .map(label => [label.innerText, label.htmlFor]))"""


@pytest.mark.parametrize("source", [s for s in SOURCES if has_linked_tabs(s)])
def test_linked_tabs_switch_together(source: str, page: Page) -> None:
    page.goto(page_url(source), wait_until="networkidle")
    sets = [dict(labels) for labels in page.evaluate(TAB_SETS)]
    # A title that another set shares, in a set where it is not selected at first.
    shared = [
        (labels, title)
        for i, labels in enumerate(sets)
        for title in list(labels)[1:]
        if any(title in other for other in sets[:i] + sets[i + 1 :])
    ]
    assert shared, f"no two tab sets share a title: {sets}"
    clicked, title = shared[0]
    page.locator(f"label[for='{clicked[title]}']").click()
    for labels in sets:
        if title in labels:
            expect(page.locator(f"input[id='{labels[title]}']")).to_be_checked()


# --- Once for the site -----------------------------------------------------------

ANNOTATION = re.compile(r"[ \t]*# \(\d+\)!")


def annotated_examples() -> tuple[str, set[str]]:
    """The first page that embeds an annotated example, and those examples'
    code as a copy button should give it: without the markers."""
    for source in SOURCES:
        targets = include_targets((DOCS / source).read_text(encoding="utf-8"))
        codes = ["\n".join(embedded(target)) for target in targets]
        annotated = {
            ANNOTATION.sub("", c).strip() for c in codes if ANNOTATION.search(c)
        }
        if annotated:
            return source, annotated
    pytest.fail("no page embeds an example with `# (1)!` annotations")


@pytest.mark.browser_context_args(permissions=["clipboard-read", "clipboard-write"])
def test_copy_button_copies_code_without_annotation_markers(
    page: Page, visit: Visit
) -> None:
    source, expected = annotated_examples()
    page.goto(page_url(source), wait_until="networkidle")
    # The first code block whose annotations the theme turned into markers.
    block = page.locator(".highlight:has(.md-annotation):visible").first
    block.hover()
    # Material 9.7+ draws `button.md-code__button`; older releases `.md-clipboard`.
    block.locator("button[data-md-type=copy], button.md-clipboard").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "(1)!" not in copied
    # Material leaves the spaces that stood before a marker; the code is the same.
    assert "\n".join(line.rstrip() for line in copied.strip().splitlines()) in expected


def test_repository_link_does_not_call_github_api(page: Page, visit: Visit) -> None:
    page.goto("", wait_until="networkidle")
    expect(page.locator("a.md-source").first).to_have_attribute(
        "href", re.compile(r"^https://github\.com/")
    )
    # The link is there, its counter (stars, forks) is not.
    expect(page.locator(".md-source__facts")).to_have_count(0)


def test_unknown_address_gets_styled_404_page(
    page: Page, visit: Visit, base_url: str
) -> None:
    missing = base_url + "no/such/page/"
    visit.expected_404.add(missing)
    response = page.goto(missing, wait_until="networkidle")
    assert response is not None
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    # The stylesheet loaded even two levels deep: the header is laid out by it.
    expect(page.locator(".md-header")).to_have_css("position", "sticky")
    page.get_by_role("link", name="home page").click()
    expect(page).to_have_url(base_url)
    expect(page).to_have_title("Async Tests for FastAPI")


def test_light_dark_toggle_switches_scheme(page: Page, visit: Visit) -> None:
    page.goto("", wait_until="networkidle")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    light = body.evaluate("e => getComputedStyle(e).backgroundColor")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(body).not_to_have_css("background-color", light)
    toggle.click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    expect(body).to_have_css("background-color", light)


def expected_pages(site_dir: Path, term: str) -> list[str]:
    """The pages that should answer a search for `term`, as site-relative URLs."""
    target = SEARCH_TARGETS[term]
    if (DOCS / target).exists():
        return [page_url(target)]
    # The explaining page is not in this build: any page that mentions the term.
    index = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    pages = sorted(
        {
            doc["location"].split("#")[0]
            for doc in index["docs"]
            if term.lower() in re.sub(r"<[^>]+>", "", doc["text"]).lower()
        }
    )
    assert pages, f"no page mentions {term!r}"
    return pages


RESULT = ".md-search-result__item > a.md-search-result__link"


@pytest.mark.parametrize("term", list(SEARCH_TARGETS))
def test_search_result_opens_the_page_that_explains(
    term: str, page: Page, visit: Visit, built_site: Build, base_url: str
) -> None:
    targets = [base_url + url for url in expected_pages(built_site.site_dir, term)]
    page.goto("", wait_until="networkidle")
    search = page.locator(".md-search__input")
    search.click()
    # Typed key by key: the theme searches on key presses, not on a pasted value.
    search.press_sequentially(term)
    answer = page.locator(
        ", ".join(f'{RESULT}[href^="{url}"]' for url in targets)
    ).first
    expect(answer).to_be_visible()
    answer.click()
    pattern = "|".join(re.escape(url) for url in targets)
    expect(page).to_have_url(re.compile(f"^(?:{pattern})(?:[?#].*)?$"))
    expect(page.locator("article")).to_contain_text(term, ignore_case=True)


def first_chapter() -> tuple[str, str, str]:
    """The first section of the nav, its first page's title and address."""
    nav = load_config(str(ROOT / "mkdocs.yml"))["nav"]
    section, pages = next(
        next(iter(item.items()))
        for item in nav
        if isinstance(item, dict) and isinstance(next(iter(item.values())), list)
    )
    title, source = next(iter(pages[0].items()))
    return section, title, page_url(source)


@pytest.mark.browser_context_args(viewport=PHONE, is_mobile=True, has_touch=True)
def test_navigation_drawer_opens_at_phone_width(
    page: Page, visit: Visit, base_url: str
) -> None:
    section, title, url = first_chapter()
    page.goto("", wait_until="networkidle")
    drawer = page.locator("nav.md-nav--primary").first
    expect(drawer).not_to_be_in_viewport()
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(drawer).to_be_in_viewport()
    # From the drawer a reader reaches a chapter: open a section, then its page.
    drawer.locator("label.md-nav__link", has_text=section).first.click()
    drawer.get_by_role("link", name=title, exact=True).click()
    expect(page).to_have_url(base_url + url)
    expect(page.locator("h1").first).to_contain_text(title)
