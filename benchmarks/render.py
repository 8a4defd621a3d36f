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
    "pytest": "Per test, inside pytest",
    "sqlite": "Database isolation per test, SQLite",
    "postgresql": "Database isolation per test, PostgreSQL",
    "suite": "A whole suite",
    "migrations_sqlite": "Test schema per session, SQLite",
    "migrations_postgresql": "Test schema per session, PostgreSQL",
}
RECOMMENDED = "recommended conftest (LifespanManager + client per test)"
BARE = "bare ASGITransport client per test"


def bar_chart(title: str, ratios: dict[str, float]) -> str:
    """An inline SVG bar chart drawn in the page's own text colour."""
    # About 6.5 px a character at 12 px: wide enough for the longest label.
    label_width = max(200, round(6.5 * max(map(len, ratios))) + 12)
    bar_width, row = 300, 24
    height = row * len(ratios) + 8
    top = max(ratios.values())
    parts = [
        f'<svg role="img" aria-label="{title}" '
        f'viewBox="0 0 {label_width + bar_width + 70} '
        f'{height}" width="100%" '
        f'style="max-width:{label_width + bar_width + 70}px;font-size:12px" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{title}</title>",
    ]
    for i, (name, ratio) in enumerate(ratios.items()):
        y = 4 + i * row
        width = max(1.0, bar_width * ratio / top)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" '
            f'fill="currentColor">{name}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{width:.1f}" '
            f'height="{row - 8}" '
            'fill="var(--md-accent-fg-color, currentColor)"/>'
            f'<text x="{label_width + width + 4:.1f}" y="{y + 15}" '
            f'fill="currentColor">{ratio:.{2 if ratio < 10 else 0}f}{TIMES}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def table(group: dict) -> str:
    seconds = group["seconds"]
    floor = seconds[group["floor"]]
    lines = ["| case | ratio to the floor | time |", "|---|---:|---:|"]
    for name, value in seconds.items():
        lines.append(f"| {name} | {value / floor:.2f}{TIMES} | {duration(value)} |")
    return "\n".join(lines)


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
    """What the recommended conftest costs over a bare client, in both settings."""
    parts = []
    for group, where in [("pytest", "inside pytest"), ("scopes", "in one loop")]:
        seconds = results["groups"][group]["seconds"]
        extra = seconds[RECOMMENDED] - seconds[BARE]
        ratio = seconds[RECOMMENDED] / seconds[BARE]
        verdict = "at most" if ratio <= 1.1 else "more than"
        parts.append(
            f"{where}, {ratio:.2f}{TIMES} "
            f"({duration(abs(extra))} {'more' if extra >= 0 else 'less'} per test, "
            f"{verdict} 10 % above it)"
        )
    return (
        "In this run the recommended conftest cost, against a bare client per test: "
        + "; ".join(parts)
        + "."
    )


def ratios(group: dict) -> dict[str, float]:
    floor = group["seconds"][group["floor"]]
    return {name: value / floor for name, value in group["seconds"].items()}


def render(results: dict, group: str) -> str:
    """Markdown (a table and an SVG chart) for one group of the recorded results."""
    if group == "machine":
        m = results["machine"]
        start, end = results["load"]
        return (
            f"Measured {results['measured']} on {m['system']} ({m['processor']}, "
            f"{m['cpus']} CPUs), Python {m['python']}, while other work ran beside "
            f"it: a load average of {start} at the start and {end} at the end "
            f"(above {m['cpus']}, processes waited for a CPU). Reproduce with "
            f"`{results['command']}` from the project root."
        )
    if group == "speedup":
        return speedup(results)
    if group == "conftest":
        return conftest_cost(results)
    if group.startswith("cheapest_"):
        return cheapest(results, group.removeprefix("cheapest_"))
    data = results["groups"][group]
    title = f"{TITLES.get(group, group)}: ratio to {data['floor']}"
    chart = bar_chart(title, ratios(data))
    return f"{table(data)}\n\n{chart}\n"
