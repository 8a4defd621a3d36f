"""The built site, checked in a real browser (Chromium driven by Playwright).

What these tests guarantee, for the site that `mkdocs build --strict` produces,
served from 127.0.0.1 under the path of `site_url`:

- every page loads with no console error, no uncaught exception, no failed request
  and no request to any host but 127.0.0.1 (requests elsewhere are blocked and
  reported, so a run never reaches the network), and has an edit link to its source;
- no page's first load weighs more than the budget (everything but the search
  index, uncompressed); the terminal summary names the heaviest page and the size
  of the search index;
- a copy button copies an embedded example exactly as it is in docs_src, without
  the `# (1)!` annotation markers;
- linked content tabs switch together on every page that has them;
- the light/dark toggle switches the colour scheme and back;
- search finds `LifespanManager` and "attached to a different loop", and a click
  on the result opens the page that explains it;
- at phone width (390 px) the navigation drawer opens;
- an unknown address gets the site's own 404 page, styled, with a working link home.

Screenshots of the home page and the Async tests page, at desktop and phone width,
land in `screenshots/` (git-ignored) for a person to look at.

Chromium comes from the system (`apt-get install chromium`), or from the path in
the CHROMIUM environment variable. Without it these tests are skipped, except
under CI=true, where a missing browser is an error.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .ci import under_ci
from .conftest import Build
from .site_report import report
from .site_server import serve
from .snippets import embedded, include_targets

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCREENSHOTS = ROOT / "screenshots"

# First load of one page, uncompressed, without the search index (1 KB = 1000 bytes).
PAGE_BUDGET_BYTES = 350_000
SEARCH_INDEX = "search/search_index.json"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# Search terms and the page that explains each one. If that page is not in the
# build, the expected target is any page whose text contains the term.
SEARCH_TARGETS = {
    "LifespanManager": "tutorial/lifespan.md",
    "attached to a different loop": "tutorial/event-loops.md",
}
# The page whose annotated example the copy-button test copies.
COPY_PAGE = "tutorial/async-tests.md"


def page_url(source: str) -> str:
    """Where a page is served: `tutorial/lifespan.md` -> `tutorial/lifespan/`."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


SOURCES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


# --- The browser ---------------------------------------------------------------


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    found = shutil.which(candidate)
    return found


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        reason = (
            "Chromium not found: install it with `apt-get install chromium` "
            "(after `apt-get update`; on CI `.ci/install-chromium` does both), "
            "or set CHROMIUM to a Chromium executable."
        )
        if under_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser(chromium: str, request: pytest.FixtureRequest):
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
    seconds = time.perf_counter() - started
    report(request.config, "browser", f"browser tests: {seconds:.1f} s in Chromium")


@pytest.fixture(scope="session")
def base_url(built_site: Build) -> Iterator[str]:
    if not (built_site.site_dir / "index.html").exists():
        pytest.fail(f"The site was not built:\n{built_site.log}")
    with serve(built_site.site_dir) as url:
        yield url


@dataclass
class Visit:
    """What the browser saw while one page loaded for the first time."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def weight(self) -> int:
        return sum(size for url, size in self.sizes.items() if SEARCH_INDEX not in url)

    def problems(self) -> list[str]:
        return [
            *(f"console error: {e}" for e in self.console_errors),
            *(f"uncaught exception: {e}" for e in self.page_errors),
            *(f"failed request: {e}" for e in self.failed),
            *(f"third-party request: {e}" for e in self.blocked),
        ]


def watch(context, visit: Visit, expected_statuses: dict[str, int] | None = None):
    """Record everything on `context` that should not happen, into `visit`."""
    expected_statuses = expected_statuses or {}

    def route(route) -> None:
        # Nothing may leave the machine: block, and report, every other host.
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            visit.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    def on_response(response) -> None:
        expected = expected_statuses.get(response.url, 200)
        if response.status not in (expected, 304) and not 300 <= response.status < 400:
            visit.failed.append(f"{response.status} {response.url}")
        if 300 <= response.status < 400:
            return
        try:
            visit.sizes[response.url] = len(response.body())
        except Exception as error:  # The body can be gone if the page moved on.
            visit.failed.append(f"no body for {response.url}: {error}")

    def on_failed(request) -> None:
        if request.url not in visit.blocked:
            visit.failed.append(f"{request.failure} {request.url}")

    def on_console(message) -> None:
        if message.type == "error":
            # Chromium logs the status of a page that is meant to be a 404.
            if (
                any(
                    url in (message.location or {}).get("url", "")
                    for url in expected_statuses
                )
                and "404" in message.text
            ):
                return
            visit.console_errors.append(message.text)

    context.route("**/*", route)
    context.on("response", on_response)
    context.on("requestfailed", on_failed)
    context.on("console", on_console)
    context.on("weberror", lambda error: visit.page_errors.append(str(error.error)))


@pytest.fixture
def new_context(browser, base_url: str):
    """Open fresh browser contexts (no cache, no storage) and close them after."""
    contexts = []

    def open_context(viewport=DESKTOP, **options):
        context = browser.new_context(
            viewport=viewport, color_scheme="light", base_url=base_url, **options
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


# --- Every page ----------------------------------------------------------------


@pytest.fixture(scope="session")
def weights(request: pytest.FixtureRequest, built_site: Build) -> dict[str, Visit]:
    """First loads by page; their weights go into the site report at the end."""
    visits: dict[str, Visit] = {}
    yield visits
    if not visits:
        return
    for visit in sorted(visits.values(), key=lambda v: -v.weight):
        report(request.config, visit.url, f"{visit.weight / 1000:8.1f} KB  {visit.url}")
    heaviest = max(visits.values(), key=lambda v: v.weight)
    report(
        request.config,
        "heaviest",
        f"heaviest page: {heaviest.url} at {heaviest.weight / 1000:.1f} KB "
        f"(first load, uncompressed, budget {PAGE_BUDGET_BYTES / 1000:.0f} KB)",
    )
    index = built_site.site_dir / SEARCH_INDEX
    size = index.stat().st_size / 1000
    report(request.config, "search index", f"search index: {size:.1f} KB")


@pytest.mark.parametrize("source", SOURCES)
def test_page_loads_cleanly_within_budget(
    source: str, new_context, weights: dict[str, Visit]
) -> None:
    context = new_context()
    visit = Visit(page_url(source) or "/")
    watch(context, visit)
    page = context.new_page()
    response = page.goto(page_url(source), wait_until="networkidle")
    assert response is not None
    assert response.status == 200
    # The theme's scripts ran: the search box is wired up and the header is drawn.
    assert page.locator(".md-search__input").is_enabled()
    # The edit link opens this page's source in the repository.
    edit = page.locator("a[rel=edit]").get_attribute("href")
    assert edit.startswith("https://github.com/")
    assert edit.endswith(f"/edit/main/docs/{source}")
    weights[visit.url] = visit
    assert visit.problems() == []
    assert visit.weight <= PAGE_BUDGET_BYTES, sorted(
        visit.sizes.items(), key=lambda item: -item[1]
    )


def test_repository_link_does_not_call_github_api(new_context) -> None:
    context = new_context()
    visit = Visit("/")
    watch(context, visit)
    page = context.new_page()
    page.goto("", wait_until="networkidle")
    source = page.locator("a.md-source").first
    assert source.get_attribute("href").startswith("https://github.com/")
    # The link is there, its counter (stars, forks) is not, and nothing was fetched.
    assert page.locator(".md-source__facts").count() == 0
    assert visit.blocked == []


def test_unknown_address_gets_styled_404_page(new_context, base_url: str) -> None:
    context = new_context()
    missing = base_url + "no/such/page/"
    visit = Visit("no/such/page/")
    watch(context, visit, expected_statuses={missing: 404})
    page = context.new_page()
    response = page.goto(missing, wait_until="networkidle")
    assert response is not None
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    # The stylesheet loaded even two levels deep: the header has the theme colour.
    header = page.locator(".md-header")
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
    assert visit.problems() == []
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "404-desktop.png")
    page.get_by_role("link", name="home page").click()
    page.wait_for_load_state("networkidle")
    assert page.url == base_url
    assert page.title() == "Async Tests for FastAPI"


# --- Copy buttons ----------------------------------------------------------------

ANNOTATION = re.compile(r"\s*# \(\d+\)!")


def snippet_text(reference: str) -> str:
    """The code that a `--8<-- "path[:section]"` line puts on the page."""
    return "\n".join(embedded(reference))


def without_annotations(code: str) -> str:
    return "\n".join(ANNOTATION.sub("", line) for line in code.splitlines())


def test_copy_button_copies_code_without_annotation_markers(
    new_context, base_url: str
) -> None:
    markdown = (DOCS / COPY_PAGE).read_text(encoding="utf-8")
    annotated = [
        ref for ref in include_targets(markdown) if ANNOTATION.search(snippet_text(ref))
    ]
    assert annotated, f"{COPY_PAGE} embeds no example with `# (1)!` annotations"
    expected = {without_annotations(snippet_text(ref)).strip() for ref in annotated}

    origin = "http://" + urlsplit(base_url).netloc
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    page = context.new_page()
    page.goto(page_url(COPY_PAGE), wait_until="networkidle")
    # The first code block whose annotations the theme turned into markers.
    block = page.locator(".highlight:has(.md-annotation):visible").first
    block.hover()
    # Material 9.7+ draws `button.md-code__button`; older releases `.md-clipboard`.
    block.locator("button[data-md-type=copy], button.md-clipboard").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "(1)!" not in copied
    # Material leaves the spaces that stood before a marker; the code is the same.
    copied = "\n".join(line.rstrip() for line in copied.strip().splitlines())
    assert copied in expected


# --- Linked tabs -----------------------------------------------------------------

TAB_SETS = """() => [...document.querySelectorAll('.tabbed-set')].map(set =>
  [...set.querySelectorAll(':scope > .tabbed-labels > label')].map(l => l.innerText))"""
CHECKED = """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
  const input = set.querySelector(':scope > input:checked');
  return set.querySelector(`:scope > .tabbed-labels > label[for="${input.id}"]`)
    .innerText;
})"""


def shared_title(sets: list[list[str]]) -> str | None:
    """A tab title that two sets share and that is not selected at first."""
    for i, labels in enumerate(sets):
        others = sets[:i] + sets[i + 1 :]
        for title in labels[1:]:
            if any(title in other for other in others):
                return title
    return None


def test_linked_tabs_switch_together(new_context) -> None:
    tested = []
    for source in SOURCES:
        # A fresh context: the theme remembers a chosen tab across pages.
        page = new_context().new_page()
        page.goto(page_url(source), wait_until="networkidle")
        sets = page.evaluate(TAB_SETS)
        title = shared_title(sets)
        if title is None:
            continue
        assert page.evaluate(CHECKED) != [title] * len(sets)
        page.locator(".tabbed-labels > label", has_text=title).first.click()
        checked = page.evaluate(CHECKED)
        for labels, selected in zip(sets, checked, strict=True):
            if title in labels:
                assert selected == title, (source, sets, checked)
        tested.append(source)
    assert tested, "no page has two tab sets with a title in common"


# --- Colour scheme ---------------------------------------------------------------


def test_light_dark_toggle_switches_scheme(new_context) -> None:
    context = new_context()
    page = context.new_page()
    page.goto("", wait_until="networkidle")

    def scheme() -> str:
        return page.evaluate("document.body.dataset.mdColorScheme")

    def background() -> str:
        return page.evaluate("getComputedStyle(document.body).backgroundColor")

    assert scheme() == "default"
    light = background()
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert background() != light
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    assert background() == light


# --- Search ----------------------------------------------------------------------


def expected_pages(site_dir: Path, term: str) -> set[str]:
    """The page that should answer a search for `term`, as site-relative URLs."""
    target = SEARCH_TARGETS[term]
    if (DOCS / target).exists():
        return {page_url(target)}
    # The explaining page is not in this build: any page that mentions the term.
    index = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    pages = {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if term.lower() in re.sub(r"<[^>]+>", "", doc["text"]).lower()
    }
    assert pages, f"no page mentions {term!r}"
    return pages


@pytest.mark.parametrize("term", list(SEARCH_TARGETS))
def test_search_result_opens_the_page_that_explains(
    term: str, new_context, built_site: Build, base_url: str
) -> None:
    targets = expected_pages(built_site.site_dir, term)
    context = new_context()
    page = context.new_page()
    page.goto("", wait_until="networkidle")
    search = page.locator(".md-search__input")
    search.click()
    # Typed key by key: the theme searches on key presses, not on a pasted value.
    search.press_sequentially(term)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    # Results are redrawn after every key; wait for those of the whole term.
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    prefix = urlsplit(base_url).path
    try:
        page.wait_for_function(
            """([prefix, targets]) => [...document.querySelectorAll(
                   '.md-search-result__item > a.md-search-result__link')]
                 .some(a => targets.includes(
                   new URL(a.href).pathname.slice(prefix.length)))""",
            arg=[prefix, sorted(targets)],
            timeout=10_000,
        )
    except PlaywrightTimeoutError:
        pass  # the assertion below reports what the results were
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    paths = [urlsplit(h).path.removeprefix(urlsplit(base_url).path) for h in hrefs]
    matching = [i for i, p in enumerate(paths) if p in targets]
    assert matching, f"{term!r}: results {paths}, expected one of {sorted(targets)}"
    results.nth(matching[0]).click()
    page.wait_for_load_state("networkidle")
    landed = urlsplit(page.url).path.removeprefix(urlsplit(base_url).path)
    assert landed in targets
    assert term.lower() in page.locator("article").inner_text().lower()


# --- Phone width -----------------------------------------------------------------


def test_navigation_drawer_opens_at_phone_width(new_context) -> None:
    context = new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto("", wait_until="networkidle")
    drawer = page.locator("nav.md-nav--primary").first
    assert not drawer.is_visible() or drawer.bounding_box()["x"] < 0
    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function(
        "document.querySelector('nav.md-nav--primary').getBoundingClientRect().x >= 0"
    )
    assert page.locator("#__drawer").is_checked()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "index-phone-drawer.png")
    # From the drawer a reader reaches a chapter: open Tutorial, then its first page.
    drawer.locator("label.md-nav__link", has_text="Tutorial").first.click()
    drawer.get_by_role("link", name="Async tests", exact=True).click()
    # Instant navigation swaps the page in place: wait for the address, not a load.
    page.wait_for_function("location.pathname.endsWith('/tutorial/async-tests/')")
    assert page.locator("h1").first.inner_text().startswith("Async tests")


# --- Screenshots -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)], ids=str
)
@pytest.mark.parametrize("source", ["index.md", "tutorial/async-tests.md"])
def test_screenshot(source: str, name: str, viewport: dict, new_context) -> None:
    context = new_context(viewport=viewport, is_mobile=name == "phone")
    page = context.new_page()
    page.goto(page_url(source), wait_until="networkidle")
    SCREENSHOTS.mkdir(exist_ok=True)
    stem = source.removesuffix(".md").replace("/", "-")
    path = SCREENSHOTS / f"{stem}-{name}.png"
    started = time.time()
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_mtime >= started - 1
    assert path.stat().st_size > 10_000  # a blank page compresses to far less
