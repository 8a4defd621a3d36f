"""A plugin that makes `import trio` fail as it does where trio is not installed.

The guide's own environment has trio, so this is how a test can show the error.
Loaded with `-p hide_trio` before AnyIO's plugin, which looks for trio on import.
"""

import sys
from importlib.abc import MetaPathFinder


class HideTrio(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "trio":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, HideTrio())
