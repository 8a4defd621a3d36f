"""Numbers about the built site, printed at the end of the pytest run.

Test modules add lines with `report(config, "...")`; they appear in a "site report"
section after the results, so page weights and build times are in every test log.
"""

from __future__ import annotations

import pytest

NAME = "site-report"


class SiteReport:
    def __init__(self) -> None:
        self.lines: dict[str, str] = {}

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.lines:
            terminalreporter.section("site report")
            for line in self.lines.values():
                terminalreporter.write_line(line)


def report(config: pytest.Config, key: str, line: str) -> None:
    """Show `line` in the summary; a later line with the same key replaces it."""
    plugin = config.pluginmanager.get_plugin(NAME)
    if plugin is None:
        plugin = SiteReport()
        config.pluginmanager.register(plugin, NAME)
    plugin.lines[key] = line
