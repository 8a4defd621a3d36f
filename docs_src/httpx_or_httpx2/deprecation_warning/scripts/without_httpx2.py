import importlib
import sys
import warnings

sys.modules["httpx2"] = None  # makes `import httpx2` fail
warnings.simplefilter("error")  # turns the warning into an exception
importlib.import_module("starlette.testclient")
