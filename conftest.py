"""Plugins for the whole suite (docs_src and tests)."""

# The throwaway PostgreSQL server lives in the harness, not in docs_src: its
# "not installed" and "CI" branches are not part of any example.
pytest_plugins = ["tests.postgresql", "pytester"]
