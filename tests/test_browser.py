"""The built site in real Chromium, through pytest-playwright.

Served from 127.0.0.1 under the path of `site_url`, as GitHub Pages serves it
(404.html, status 404, for an unknown address). Every page loads with no console
error, failed request or request beyond 127.0.0.1 (blocked and reported), has an
edit link, weighs at most 100 KB gzipped on first load (search index aside), and
passes axe-core with nothing serious or critical in light and dark mode; linked
tabs switch together. Once for the site: copy button, colour toggle, search,
phone drawer, 404 page, and no GitHub API call. A search for each answered
message of the troubleshooting data files ranks its entry first. Chromium:
/usr/bin/chromium or $CHROMIUM; without it these tests skip (fail under CI).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from functools import partial
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from mkdocs.config import load_config
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .ci import under_ci
from .conftest import Build, report
from .snippets import DOCS, ROOT, embedded, include_targets

SOURCES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
CONFIG = load_config(str(ROOT / "mkdocs.yml"))
BUDGET = 100_000  # bytes of a first load, gzip-compressed, search index aside
COMPRESSED = re.compile(r"text/|javascript|json|xml|svg")  # what hosts gzip
SEARCH = {"LifespanManager": "tutorial/lifespan.md",
          "attached to a different loop": "tutorial/event-loops.md"}  # fmt: skip
# Entries that a search for their message does not rank first, and why. Strict
# xfails: once one ranks first, its line here must go.
# Messages whose entry a search does not rank first, each with the reason. They
# are strict xfails: a change that ranks one first must remove it from here.
SEARCH_MISSES = {
    "RuntimeError: no price for broken": "the message is the example app's own; the"
    " heading describes the symptom, and 'no*' and 'for*' match words of other titles",
    "KeyError: <function get_user at 0x": "'function' is a common word on this site;"
    " the entry with 'functions' in its heading ranks first",
    "{'confirmation': 'mailed through smtp.example.com'}": "the example app's own"
    " output, not a library's message; the entry is found from its heading instead",
    "the audit log rejected 'refund'": "the example app's own exception; the entry is"
    " found from its heading instead",
    "TimeoutError": "a bare exception name, which many entries mention",
    "'asyncio' not found in `markers` configuration option": "typed with its"
    " backquotes, the query shows no result in time",
    "Field required [type=missing": "two entries answer 'Field required' (a setting,"
    " an upload field); the upload one ranks first",
    "ValidationError: 1 validation error for Settings": "'validation error' also"
    " heads the entry on the response model, which ranks first",
    "is bound to a different event loop": "'different loop' heads another entry,"
    " which ranks first",
    "Cannot run the event loop while another loop is running": "the entry on"
    " getfixturevalue, whose message shares most of these words, ranks first",
    "CoverageWarning: Module app was never imported. (module-not-imported)": "the"
    " entry with the other message of the same topic ranks first on 'app' and"
    " 'imported'",
}


def answered_messages() -> list:
    """(message, accepted entries) of each answered record of the troubleshooting
    data files. An entry is accepted when its record's message is this one, or
    holds it, or is held by it: a message two entries answer may land on either.
    Those listed in SEARCH_MISSES are strict xfails."""
    records = [
        (record["message"], f"{page_url(f'troubleshooting/{data.stem}.md')}"
         f"#{record['anchor']}")
        for data in sorted((DOCS / "troubleshooting").glob("*.yml"))
        for record in yaml.safe_load(data.read_text(encoding="utf-8")) or []
        if record.get("status") == "answered"
    ]  # fmt: skip
    found = []
    for message, target in records:
        accepted = {other for text, other in records
                    if text in message or message in text} | {target}  # fmt: skip
        why = SEARCH_MISSES.get(message)
        marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
        found.append(pytest.param(message, sorted(accepted), id=target, marks=marks))
    return found


def page_url(source: str) -> str:
    """`tutorial/lifespan.md` -> `tutorial/lifespan/`."""
    stem = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium, kept off the network, instead of a downloaded browser."""
    path = shutil.which(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
    if path is None:
        reason = "Chromium not found: `apt-get install chromium`, or set CHROMIUM"
        if under_ci():
            pytest.fail(f"{reason} (under CI a missing browser is a failure)")
        pytest.skip(reason)
    flags = ["--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", "--disable-gpu"]  # fmt: skip
    if os.geteuid() == 0:
        flags.append("--no-sandbox")  # Chromium's sandbox refuses to run as root.
    return {**browser_type_launch_args, "executable_path": path, "args": flags}


class Handler(SimpleHTTPRequestHandler):
    """The site under `prefix`, 404.html for a missing file, never cached."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        inside = path.startswith(self.prefix)
        return super().translate_path(
            "/" + path[len(self.prefix) :] if inside else "/-"
        )

    def send_error(self, code: int, *args) -> None:
        if code != 404:
            return super().send_error(code, *args)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((Path(self.directory) / "404.html").read_bytes())

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a first-time visitor
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


class Server(HTTPServer):
    """One thread serves every request in turn (HTTP/1.0 closes each connection).

    Not a thread per request: under coverage's greenlet support, every thread that
    ends leaves greenlet its state to tear down on the main thread, and one of
    those teardowns once spun there forever, hanging the run.
    """

    request_queue_size = 64  # Chromium opens several connections at once


@pytest.fixture(scope="session")
def base_url(built_site: Build) -> Iterator[str]:
    if not (built_site.site_dir / "index.html").exists():
        pytest.fail(f"The site was not built:\n{built_site.log}")
    prefix = urlsplit(CONFIG["site_url"]).path.rstrip("/") + "/"
    handler = type("Site", (Handler,), {"prefix": prefix})
    server = Server(
        ("127.0.0.1", 0), partial(handler, directory=str(built_site.site_dir))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{prefix}"
    server.shutdown()
    server.server_close()


def watch(context: BrowserContext) -> list[str]:
    """What goes wrong in a browser context, as it happens."""
    found: list[str] = []

    def route(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            return route.continue_()
        found.append(f"third-party request: {route.request.url}")
        route.abort("blockedbyclient")

    def response(response) -> None:
        if response.status >= 400 and "/no/such/page/" not in response.url:
            found.append(f"status {response.status}: {response.url}")

    def console(message) -> None:  # Chromium logs the status of an expected 404
        if message.type == "error" and "/no/such/page/" not in str(message.location):
            found.append(f"console error: {message.text}")

    context.route("**/*", route)
    context.on("response", response)
    context.on("console", console)
    context.on("weberror", lambda error: found.append(f"error: {error.error}"))
    context.on("requestfailed", lambda r: found.append(f"failed: {r.failure} {r.url}"))
    return found


@pytest.fixture(autouse=True)
def problems(context: BrowserContext) -> Iterator[list[str]]:
    """What went wrong in the test's browser context; any entry fails the test."""
    found = watch(context)
    yield found
    assert not found, "\n".join(found)


@pytest.fixture(scope="session")
def findings(request: pytest.FixtureRequest) -> Iterator[dict]:
    """Weights and audit results by page, summed up in the site report."""
    found: dict = {"weight": {}, "light": Counter(), "dark": Counter()}
    yield found
    for url, weight in sorted(found["weight"].items(), key=lambda item: -item[1]):
        report(request.config, f"weight {url}", f"{weight / 1000:6.1f} KB  /{url}")
    for scheme in ("light", "dark"):
        rules = ", ".join(f"{n} {rule}" for rule, n in sorted(found[scheme].items()))
        report(request.config, scheme, f"axe, {scheme}: {rules or 'no violation'}")


# Pygments' token spans are nine in ten of a page's elements, and colour contrast
# on them most of axe's time. A token's colours come from the theme alone: the same
# kind of token looks the same wherever it is. So the contrast rule checks one
# visible sample of each kind on the page (by class, and by background: on a
# highlighted line, in a box) and skips its repeats; every other rule still checks
# every element. In dark mode only colours change, so only axe's colour rules run
# again (those of its `cat.color` tag that it runs by default).
SKIP_REPEATED_TOKENS = """() => {
  const seen = new Set();
  for (const token of document.querySelectorAll('.highlight code span[class]')) {
    const kind = [token.className, !!token.closest('.hll'),
      !!token.closest('.admonition, details'), token.getClientRects().length > 0];
    if (seen.has(kind.join())) token.dataset.axeSkip = '';
    else seen.add(kind.join());
  }
}"""
AXE_SCRIPT = Axe().axe_script
SCHEMES = {
    "light": {"resultTypes": ["violations"]},
    "dark": {"resultTypes": ["violations"],
             "runOnly": ["color-contrast", "link-in-text-block"]},
}  # fmt: skip


def audit(page: Page, scheme: str) -> list[dict]:
    """axe-core's violations on the page as it is, in the colours of `scheme`."""
    page.evaluate(AXE_SCRIPT)
    page.evaluate("""axe.configure({rules: [
      {id: 'color-contrast', selector: '*:not([data-axe-skip])'}]})""")
    return page.evaluate("o => axe.run(document, o)", SCHEMES[scheme])["violations"]


@pytest.mark.parametrize("source", SOURCES)
def test_page_loads_cleanly_and_passes_audit(
    source: str, page: Page, findings: dict
) -> None:
    sizes = {}

    def weigh(response) -> None:
        if response.status == 200 and "search_index" not in response.url:
            body = response.body()
            if COMPRESSED.search(response.headers.get("content-type", "")):
                body = gzip.compress(body, compresslevel=6)
            sizes[response.url] = len(body)

    page.on("response", weigh)
    page.goto(page_url(source), wait_until="networkidle")
    expect(page.locator(".md-search__input")).to_be_enabled()  # scripts ran
    page.evaluate(SKIP_REPEATED_TOKENS)
    expect(page.locator("a[rel=edit]")).to_have_attribute(
        "href", re.compile(re.escape(f"/edit/main/docs/{source}") + "$")
    )
    weight = findings["weight"][page_url(source)] = sum(sizes.values())
    failures = [f"first load {weight} B > {BUDGET} B: {sizes}"] * (weight > BUDGET)
    for scheme, attribute in (("light", "default"), ("dark", "slate")):
        if scheme == "dark":
            page.locator("form[data-md-component=palette] label:visible").click()
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", attribute
        )
        for v in audit(page, scheme):
            findings[scheme][f"{v['impact']} {v['id']}"] += 1
            if v["impact"] in {"serious", "critical"}:
                nodes = [node["target"] for node in v["nodes"]]
                failures.append(f"{scheme}: {v['id']}: {v['help']} at {nodes}")
    assert not failures, "\n".join(failures)


def test_audit_still_sees_a_token_colour_that_fails(page: Page) -> None:
    """The contrast rule skips repeated tokens, not kinds of token: a keyword
    that nearly vanishes into the code's background is still reported."""
    page.goto(page_url("tutorial/database.md"), wait_until="networkidle")
    page.evaluate(SKIP_REPEATED_TOKENS)
    page.add_style_tag(content=".md-typeset .highlight .kn { color: #e8e8e8 }")
    failed = [v for v in audit(page, "light") if v["id"] == "color-contrast"]
    assert failed, "a faint keyword passed the audit"
    assert all(".kn" in str(node["target"]) for node in failed[0]["nodes"])


def has_linked_tabs(source: str) -> bool:
    titles = re.findall(r'(?m)^\s*===\+? "([^"]+)"', (DOCS / source).read_text())
    return any(n > 1 for n in Counter(titles).values())


@pytest.mark.parametrize("source", [s for s in SOURCES if has_linked_tabs(s)])
def test_linked_tabs_switch_together(source: str, page: Page) -> None:
    page.goto(page_url(source), wait_until="networkidle")
    sets = page.evaluate("""() => [...document.querySelectorAll('.tabbed-set')]
      .map(set => Object.fromEntries([...set.querySelectorAll(
        ':scope > .tabbed-labels > label')].map(l => [l.innerText, l.htmlFor])))""")
    # A title that another set shares, in a set where it is not selected at first.
    clicked, title = next(
        (labels, title)
        for labels in sets
        for title in list(labels)[1:]
        if sum(title in other for other in sets) > 1
    )
    page.locator(f"label[for='{clicked[title]}']").click()
    for labels in sets:
        if title in labels:
            expect(page.locator(f"input[id='{labels[title]}']")).to_be_checked()


def annotated_examples() -> tuple[str, set[str]]:
    """The first page with annotated examples, and their code without markers."""
    marker = re.compile(r"[ \t]*# \(\d+\)!")
    for source in SOURCES:
        targets = include_targets((DOCS / source).read_text(encoding="utf-8"))
        codes = ["\n".join(embedded(target)) for target in targets]
        if found := {marker.sub("", c).strip() for c in codes if marker.search(c)}:
            return source, found
    pytest.fail("no page embeds an example with `# (1)!` annotations")


@pytest.mark.browser_context_args(permissions=["clipboard-read", "clipboard-write"])
def test_copy_button_copies_code_without_markers(page: Page) -> None:
    source, expected = annotated_examples()
    page.goto(page_url(source), wait_until="networkidle")
    block = page.locator(".highlight:has(.md-annotation):visible").first
    block.hover()
    # Material 9.7+ draws `button.md-code__button`; older releases `.md-clipboard`.
    block.locator("button[data-md-type=copy], button.md-clipboard").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    # Material leaves the spaces that stood before a marker; the code is the same.
    assert "\n".join(line.rstrip() for line in copied.strip().splitlines()) in expected


def test_repository_link_does_not_call_github_api(page: Page) -> None:
    page.goto("", wait_until="networkidle")
    expect(page.locator("a.md-source").first).to_have_attribute(
        "href", re.compile(r"^https://github\.com/")
    )
    expect(page.locator(".md-source__facts")).to_have_count(0)  # no stars, forks


def test_unknown_address_gets_styled_404_page(page: Page, base_url: str) -> None:
    assert page.goto(base_url + "no/such/page/", wait_until="networkidle").status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    # The stylesheet loaded even two levels deep: the header is laid out by it.
    expect(page.locator(".md-header")).to_have_css("position", "sticky")
    page.get_by_role("link", name="home page").click()
    expect(page).to_have_url(base_url)
    expect(page).to_have_title("Async Tests for FastAPI")


def test_light_dark_toggle_switches_scheme(page: Page) -> None:
    page.goto("", wait_until="networkidle")
    body = page.locator("body")
    light = body.evaluate("e => getComputedStyle(e).backgroundColor")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    for scheme in ("default", "slate", "default"):
        expect(body).to_have_attribute("data-md-color-scheme", scheme)
        if scheme == "slate":
            expect(body).not_to_have_css("background-color", light)
        else:
            expect(body).to_have_css("background-color", light)
        toggle.click()


@pytest.mark.parametrize("term", list(SEARCH))
def test_search_result_opens_the_page_that_explains(
    term: str, page: Page, base_url: str
) -> None:
    target = base_url + page_url(SEARCH[term])
    page.goto("", wait_until="networkidle")
    page.locator(".md-search__input").click()
    # Typed key by key: the theme searches on key presses, not on a pasted value.
    page.locator(".md-search__input").press_sequentially(term)
    page.locator(f'.md-search-result__item > a[href^="{target}"]').first.click()
    expect(page).to_have_url(re.compile(f"^{re.escape(target)}([?#].*)?$"))
    expect(page.locator("article")).to_contain_text(term, ignore_case=True)


@pytest.fixture(scope="module")
def search_page(
    browser: Browser, browser_context_args: dict
) -> Iterator[tuple[Page, list[str]]]:
    """One page for every message, as for a reader who searches again: the search
    index loads once, not once a message."""
    context = browser.new_context(**browser_context_args)
    found = watch(context)
    page = context.new_page()
    page.goto("", wait_until="networkidle")
    yield page, found
    context.close()


@pytest.mark.parametrize(("message", "accepted"), answered_messages())
def test_search_for_a_message_ranks_its_entry_first(
    message: str,
    accepted: list[str],
    search_page: tuple[Page, list[str]],
    base_url: str,
    request: pytest.FixtureRequest,
) -> None:
    """The first section of the first result is the message's entry: a reader
    who pastes the message lands on the answer."""
    page, found = search_page
    found.clear()  # what an earlier search left is that search's failure
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press("Backspace")  # an empty query empties the list of results
    results = page.locator(".md-search-result__list > .md-search-result__item")
    expect(results).to_have_count(0)
    box.fill(message[:-1])
    box.press_sequentially(message[-1])  # the theme searches on a key press
    best = results.first.locator("a[href*='#']").first
    expect(best).to_be_visible()
    href, previous = best.get_attribute("href"), None
    for _ in range(20):  # until the results stop changing
        page.wait_for_timeout(150)
        href, previous = best.get_attribute("href"), href
        if href == previous:
            break
    url = urlsplit(href)
    got = f"{url.path.removeprefix(urlsplit(base_url).path)}#{url.fragment}"
    outcome = "first" if got in accepted else "MISS "
    report(request.config, f"search {message}", f"search {outcome} {message!r}: {got}")
    assert not found, "\n".join(found)
    assert got in accepted, (
        f"a search for {message!r} ranks {got} first, not {accepted}"
    )


@pytest.mark.browser_context_args(viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)  # fmt: skip
def test_navigation_drawer_opens_at_phone_width(page: Page, base_url: str) -> None:
    section, pages = next(
        next(iter(item.items()))
        for item in CONFIG["nav"]
        if isinstance(item, dict) and isinstance(next(iter(item.values())), list)
    )
    title, source = next(iter(pages[0].items()))
    page.goto("", wait_until="networkidle")
    drawer = page.locator("nav.md-nav--primary").first
    expect(drawer).not_to_be_in_viewport()
    page.locator("label.md-header__button[for=__drawer]").click()
    expect(drawer).to_be_in_viewport()
    drawer.locator("label.md-nav__link", has_text=section).first.click()
    drawer.get_by_role("link", name=title, exact=True).click()
    expect(page).to_have_url(base_url + page_url(source))
    expect(page.locator("h1").first).to_contain_text(title)


WIDE_TABLES = ["reference/versions.md", "how-to/speed.md"]


@pytest.mark.parametrize("source", WIDE_TABLES)
@pytest.mark.parametrize("width", [390, 1280])
def test_tables_fit_or_say_they_scroll(
    source: str, width: int, page: Page, base_url: str
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + page_url(source), wait_until="networkidle")
    wraps = page.locator("article .md-typeset__scrollwrap")
    expect(wraps.first).to_be_attached()
    for index in range(wraps.count()):
        wrap = wraps.nth(index)
        wide = wrap.evaluate("w => w.scrollWidth > w.clientWidth + 1")
        hint = wrap.locator("xpath=preceding-sibling::*[1][@class='scroll-hint']")
        where = f"{source} at {width} px, table {index + 1}"
        if width == 1280:
            assert not wide, f"{where} is wider than the page"
        if wide:
            expect(hint, f"{where} scrolls with no cue").to_be_visible()
        else:
            expect(hint, f"{where} fits, yet says it scrolls").to_have_count(0)


@pytest.mark.parametrize("width", [390, 1280])
def test_chart_text_is_legible(width: int, page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base_url + page_url("how-to/speed.md"), wait_until="networkidle")
    charts = page.locator("article svg[role=img]")
    expect(charts.first).to_be_attached()
    sizes = charts.evaluate_all(
        """svgs => svgs.map(svg => svg.getScreenCTM().a
                 * parseFloat(getComputedStyle(svg).fontSize))"""
    )
    small = [f"chart {n + 1}: {size:.1f} px" for n, size in enumerate(sizes)
             if size < 11]  # fmt: skip
    assert not small, f"chart text below 11 px at {width} px wide: {small}"
