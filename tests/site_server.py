"""A local web server for a built copy of the guide, used by the browser tests.

It serves the site under the path of `site_url` (for example `/guide/`), as GitHub
Pages does, so the absolute links on the 404 page resolve the same way as in
production. An address with no file gets `404.html` with status 404, again as on
GitHub Pages. It listens on 127.0.0.1 only, on a free port, in a daemon thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent


class ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does, as far as site_url needs."""


def env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> str | None:
    # `!ENV NAME` or `!ENV [NAME, ..., fallback]`: the first variable that is set.
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    *names, fallback = loader.construct_sequence(node)
    return next((os.environ[n] for n in names if n in os.environ), fallback)


ConfigLoader.add_constructor("!ENV", env_tag)
# Python tags (e.g. for pymdownx.emoji) name functions; site_url needs none of them.
ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def site_path() -> str:
    """The path part of `site_url` in mkdocs.yml, e.g. `/guide/`."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), ConfigLoader)
    path = urlsplit(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


class SiteHandler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        request_path = urlsplit(path).path
        if not request_path.startswith(self.prefix):
            # Outside the site: a path that exists nowhere, so the answer is 404.
            return str(Path(self.directory) / ".outside-the-site")
        inner = "/" + request_path[len(self.prefix) :]
        return super().translate_path(inner)

    def send_error(self, code: int, message: str | None = None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def end_headers(self) -> None:
        # Every test loads a page as a first-time visitor would.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass  # The tests record what the browser saw; the log would only be noise.


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir`; yields the site's base URL, e.g. http://127.0.0.1:PORT/guide/."""
    prefix = site_path()
    handler = partial(
        type("Handler", (SiteHandler,), {"prefix": prefix}), directory=str(site_dir)
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
