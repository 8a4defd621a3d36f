import importlib
import sys

sys.modules["greenlet"] = None  # makes `import greenlet` fail
importlib.import_module("sqlalchemy.ext.asyncio")
