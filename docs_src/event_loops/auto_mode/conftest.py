import pytest

collect_ignore = ["scripts"]  # (1)!


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.import_plugin("pytester")  # (2)!
