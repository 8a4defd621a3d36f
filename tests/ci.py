"""Whether this run is under CI: the one place that decides it.

CI services set `CI`; `true` and `1` (any case) count. Under CI, a missing
service (PostgreSQL, Chromium, Zensical) fails the run instead of skipping, and
coverage is always enforced. Standard library only: dev.py imports it before any
virtual environment exists.
"""

import os


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}
