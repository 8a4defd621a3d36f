"""Lets the tests import the `app` package, wherever pytest is started from.

pytest puts the folder of a conftest.py that is not inside a package on
`sys.path` before importing it, so `import app` works in tests/ without
installing the project. The fixtures are in tests/conftest.py.
"""
