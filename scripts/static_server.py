"""One local web server for tests, Lighthouse and benchmarks: a built site on 127.0.0.1, optionally gzipped."""

from __future__ import annotations

import functools
import gzip
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

# What a production web server compresses; pictures, fonts and archives are sent as they are.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".wasm"}


@dataclass
class Server:
    """A running server: its base URL and the bytes it has sent (as on the wire, after gzip)."""

    url: str
    sent: int = 0

    def reset(self) -> None:
        self.sent = 0


class _Handler(SimpleHTTPRequestHandler):
    """Static files, quiet; with gzip on, text files are compressed when the client accepts it."""

    def __init__(self, *args: Any, server_state: Server, use_gzip: bool, cache: dict[Path, bytes], **kwargs: Any) -> None:
        self.server_state, self.use_gzip, self.cache = server_state, use_gzip, cache
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not url_path.endswith("/"):
                return super().send_head()  # the base class redirects 'folder' to 'folder/'
            path = path / "index.html"
        compress = self.use_gzip and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if not compress or not path.is_file():
            head = super().send_head()
            if head is not None and path.is_file():
                self.server_state.sent += path.stat().st_size
            return head
        body = self.cache.get(path)
        if body is None:
            body = self.cache[path] = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=3600")
        self.end_headers()
        self.server_state.sent += len(body)
        return io.BytesIO(body)


@contextmanager
def serve(site: Path, *, use_gzip: bool = False) -> Iterator[Server]:
    """Serve a folder on 127.0.0.1 at a free port for the duration of the block."""
    state = Server("")
    handler = functools.partial(_Handler, directory=str(site), server_state=state, use_gzip=use_gzip, cache={})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
