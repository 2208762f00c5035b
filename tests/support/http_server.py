"""A programmable local HTTP server for tests of fetching (feeds, pages).

Like httpx's ``MockTransport``, this lets feed and page fetching be tested
offline, but over a real socket so timeouts, size caps and conditional GETs
are exercised for real.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Route:
    """What the server answers on one path.

    Attributes:
        body: bytes to send, or a callable returning an iterator of chunks (streamed,
            without Content-Length).
        status: HTTP status.
        content_type: the Content-Type header.
        etag: when set, sent as ``ETag`` and honoured in ``If-None-Match`` (304).
        delay: seconds to sleep before answering (to provoke timeouts).
    """

    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    delay: float = 0.0


@dataclass
class Hit:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    at: float
    status: int = 0


class _Handler(BaseHTTPRequestHandler):
    server: LocalServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        hit = Hit(self.path, dict(self.headers.items()), time.monotonic())
        self.server.hits.append(hit)
        route = self.server.routes.get(self.path)
        if route is None:
            hit.status = 404
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.delay:
            time.sleep(route.delay)
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            hit.status = 304
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.end_headers()
            return
        hit.status = route.status
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        if route.etag:
            self.send_header("ETag", route.etag)
        try:
            if callable(route.body):
                self.close_connection = True
                self.end_headers()
                for chunk in route.body():
                    self.wfile.write(chunk)
            else:
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size cap, timeout): that is the point


class LocalServer(ThreadingHTTPServer):
    """A loopback HTTP server on a free port; use as a context manager."""

    daemon_threads = True

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = dict(routes or {})
        self.hits: list[Hit] = []
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
