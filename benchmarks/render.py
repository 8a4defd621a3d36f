"""Render recorded benchmark results as Markdown tables and inline SVG charts.

Standard library only: hooks/speed.py imports this at build time, also in an
environment that has only the site's packages installed.
"""

from __future__ import annotations

from pathlib import Path

TIMES = "\N{MULTIPLICATION SIGN}"
RESULTS = Path(__file__).with_name("results.json")
COMMAND = "python -m benchmarks.speed"
TITLES = {
    "requests": "Per request",
    "scopes": "Per simulated test, one event loop",
    "startup": "Per simulated test, an app whose startup waits",
    "pytest": "Per test, inside pytest",
    "sqlite": "Database isolation per test, SQLite",
    "postgresql": "Database isolation per test, PostgreSQL",
    "import_globals": "Import-time engines, per test",
    "suite": "A whole suite",
    "migrations_sqlite": "Test schema per session, SQLite",
    "migrations_postgresql": "Test schema per session, PostgreSQL",
}
RECOMMENDED = "recommended conftest (LifespanManager + client per test)"
BARE = "client per test, lifespan once per session"
# What each group's clock counts; every table says which one it uses.
CLOCKS = {
    "cpu": "CPU time (`time.process_time`) of the process that runs the tests, "
    "since the cost is work done in that process",
    "wall": "wall-clock time (`time.perf_counter`), since the cost includes waiting: "
    "for a disk, a database server or processes of their own",
}
REPOSITORY = "https://github.com/async-tests-for-fastapi/guide"
# "About as much": within this factor either way.
ABOUT = 1.5

# Every ordering the speed page states, as (group, cheaper case, dearer case,
# factor, claim): the dearer case must cost at least `factor` times the cheaper
# one, or with factor None the two must be within ABOUT of each other. The page's
# list of claims is rendered from here, and the build fails when the recorded
# results contradict one (hooks/speed.py), so no table can show the opposite.
ORDERINGS = [
    ("requests", "httpx2 ASGITransport, asyncio", "TestClient inside with", 1.0,
     "`ASGITransport` is faster than `TestClient` inside `with`"),
    ("requests", "httpx2 ASGITransport, asyncio", "TestClient without with", 1.0,
     "`ASGITransport` is faster than `TestClient` without `with`"),
    ("requests", "raw ASGI call", "httpx2 ASGITransport, asyncio", 1.0,
     "a raw ASGI call is the floor under any client"),
    ("scopes", BARE, RECOMMENDED, 1.1,
     "in one loop, the recommended conftest costs over 10 % more than a client per "
     "test on a lifespan started once"),
    ("startup", "LifespanManager per session, 5 ms startup",
     "LifespanManager per test, 5 ms startup", 1.0,
     "with a costly startup, a lifespan per session is cheaper than one per test"),
    ("sqlite", "savepoint rollback", "DELETE after each test", 1.0,
     "on SQLite, the savepoint rollback is cheaper than `DELETE` after each test"),
    ("sqlite", "savepoint rollback", "drop and recreate schema", 1.0,
     "on SQLite, the savepoint rollback is cheaper than recreating the schema"),
    ("postgresql", "savepoint rollback", "DELETE after each test", None,
     "on PostgreSQL, the savepoint rollback costs about as much as `DELETE`"),
    ("postgresql", "savepoint rollback", "drop and recreate schema", 1.0,
     "on PostgreSQL, the savepoint rollback is cheaper than recreating the schema"),
    ("import_globals", "rolled-back transaction, SQLite", "database per test, SQLite",
     1.0, "for import-time engines on SQLite, the rollback is cheaper than a "
     "database per test"),
    ("import_globals", "rolled-back transaction, PostgreSQL",
     "database per test, PostgreSQL", 5.0, "for import-time engines on PostgreSQL, "
     "a database per test costs over five times the rollback"),
    ("migrations_sqlite", "create_all", "alembic upgrade head", 1.0,
     "on SQLite, the schema from migrations costs more than `create_all`"),
    ("migrations_postgresql", "create_all", "alembic upgrade head", 1.0,
     "on PostgreSQL, the schema from migrations costs more than `create_all`"),
]  # fmt: skip


def ordering_ratio(results: dict, ordering: tuple) -> float:
    group, cheaper, dearer, _, _ = ordering
    seconds = results["groups"][group]["seconds"]
    return seconds[dearer] / seconds[cheaper]


def contradicted(results: dict) -> list[str]:
    """The claims of ORDERINGS that the results contradict, each with its ratio."""
    wrong = []
    for ordering in ORDERINGS:
        ratio, factor, claim = ordering_ratio(results, ordering), *ordering[3:]
        holds = 1 / ABOUT <= ratio <= ABOUT if factor is None else ratio >= factor
        if not holds:
            wrong.append(f"{claim}: the recorded ratio is {ratio:.2f}{TIMES}")
    return wrong


def orderings(results: dict) -> str:
    """The page's list of claims, each with the ratio that backs it."""
    lines = []
    for ordering in ORDERINGS:
        _, cheaper, dearer, _, claim = ordering
        ratio = ordering_ratio(results, ordering)
        lines.append(
            f"- {claim[0].upper()}{claim[1:]}: {ratio:.2f}{TIMES} "
            f"({dearer}, against {cheaper})."
        )
    return "\n".join(lines)


def bar_chart(title: str, ratios: dict[str, float]) -> str:
    """An inline SVG bar chart drawn in the page's own text colour.

    Each label stands on a line of its own above its bar, so the chart is narrow
    (WIDTH units) and is drawn at 1:1 on a phone's screen: its 12-unit text stays
    about 12 px, where a wide chart scaled down to fit would shrink it.
    """
    width, bar_width, row = 340, 270, 38
    height = row * len(ratios) + 4
    top = max(ratios.values())
    parts = [
        f'<svg role="img" aria-label="{title}" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px;font-size:12px" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{title}</title>",
    ]
    for i, (name, ratio) in enumerate(ratios.items()):
        y = 2 + i * row
        length = max(1.0, bar_width * ratio / top)
        parts.append(
            f'<text x="0" y="{y + 12}" fill="currentColor">{name}</text>'
            f'<rect x="0" y="{y + 17}" width="{length:.1f}" height="14" '
            'fill="var(--md-accent-fg-color, currentColor)"/>'
            f'<text x="{length + 4:.1f}" y="{y + 29}" fill="currentColor">'
            f"{ratio:.{2 if ratio < 10 else 0}f}{TIMES}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def table(group: dict) -> str:
    seconds, spread = group["seconds"], group.get("spread", {})
    floor = seconds[group["floor"]]
    lines = [
        "| case | ratio to the floor | median | ± MAD |",
        "|---|---:|---:|---:|",
    ]
    for name, value in seconds.items():
        mad = duration(spread[name]["mad"]) if name in spread else "n/a"
        lines.append(
            f"| {name} | {value / floor:.2f}{TIMES} | {duration(value)} | {mad} |"
        )
    return "\n".join(lines)


def clock(group: dict) -> str:
    """The sentence under a table: its clock, and what its figures are."""
    text = f"Clock: {CLOCKS[group['clock']]}."
    counts = {(s["values"], s["loops"]) for s in group.get("spread", {}).values()}
    if counts:
        values = "/".join(sorted({str(v) for v, _ in counts}, key=int))
        each = (
            "one run"
            if {loops for _, loops in counts} == {1}
            else "the mean of a number of loops calibrated as pyperf does"
        )
        text += (
            f" Each time is the median of {values} values per case, each value "
            f"{each}; ± MAD is the median absolute deviation of those values "
            "(both computed by pyperf)."
        )
    return text


def duration(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def speedup(results: dict) -> str:
    suite = results["groups"]["suite"]["seconds"]
    factor = suite["one worker"] / suite["two xdist workers"]
    if factor >= 1:
        return f"Two workers ran the suite {factor:.2f}{TIMES} as fast as one."
    return (
        f"Two workers ran the suite {1 / factor:.2f}{TIMES} slower than one: "
        "starting the workers cost more than they saved."
    )


def cheapest(results: dict, group: str) -> str:
    seconds = results["groups"][group]["seconds"]
    low = min(seconds, key=seconds.get)
    high = max(seconds, key=seconds.get)
    return (
        f"Cheapest in this run: {low} ({duration(seconds[low])} per test). "
        f"Dearest: {high}, {seconds[high] / seconds[low]:.1f}{TIMES} as much."
    )


def conftest_cost(results: dict) -> str:
    """What the recommended conftest costs over the floor, in both settings."""
    parts = []
    for group, where in [("pytest", "inside pytest"), ("scopes", "in one loop")]:
        seconds = results["groups"][group]["seconds"]
        extra = seconds[RECOMMENDED] - seconds[BARE]
        ratio = seconds[RECOMMENDED] / seconds[BARE]
        if extra >= 0:
            detail = f"{duration(extra)} more per test"
        else:
            detail = f"{duration(-extra)} less per test: cheaper than the floor"
        parts.append(f"{where}, {ratio:.2f}{TIMES} ({detail})")
    return (
        "In this run the recommended conftest cost, against a client per test on an "
        "app started once: " + "; ".join(parts) + "."
    )


def ratios(group: dict) -> dict[str, float]:
    floor = group["seconds"][group["floor"]]
    return {name: value / floor for name, value in group["seconds"].items()}


def render(results: dict, group: str) -> str:
    """Markdown (a table and an SVG chart) for one group of the recorded results."""
    if group == "machine":
        m = results["machine"]
        start, end = results["load"]
        busy = max(start, end) > m["cpus"]
        conditions = (
            "**not publishable**: the machine was busy (processes waited for a CPU), "
            "so the times below are slower than this machine can do"
            if busy
            else "no higher than the number of CPUs, the condition this page is "
            "recorded under"
        )
        return (
            f"Measured {results['measured']} on {m['system']} ({m['processor']}, "
            f"{m['cpus']} CPUs), Python {m['python']}"
            + (f", pyperf {m['pyperf']}" if "pyperf" in m else "")
            + f", at a load average of {start} "
            f"at the start and {end} at the end: {conditions}. To reproduce, clone "
            f"[the guide's repository]({REPOSITORY}) and run `{results['command']}` "
            "in its folder, in the environment `python3 dev.py test` sets up "
            "(`.venv/bin/python -m benchmarks.speed`)."
        )
    if group == "orderings":
        return orderings(results)
    if group == "speedup":
        return speedup(results)
    if group == "conftest":
        return conftest_cost(results)
    if group.startswith("cheapest_"):
        return cheapest(results, group.removeprefix("cheapest_"))
    data = results["groups"][group]
    title = f"{TITLES.get(group, group)}: ratio to {data['floor']}"
    chart = bar_chart(title, ratios(data))
    note = (
        f"Provisional figures, {data['provisional']}.\n\n"
        if "provisional" in data
        else ""
    )
    return f"{note}{table(data)}\n\n{clock(data)}\n\n{chart}\n"
