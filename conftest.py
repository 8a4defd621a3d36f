"""Plugins for the whole suite (docs_src and tests)."""

# The throwaway PostgreSQL and Redis servers live in the harness, not in docs_src:
# their "not installed" and "CI" branches are not part of any example.
# pytester runs pytest inside the harness's tests; it is pytest's own, off by default.
pytest_plugins = ["tests.postgresql", "tests.redis", "pytester"]
