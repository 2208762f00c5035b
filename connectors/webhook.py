"""The webhook: ``POST /articles`` with one article, a list, or JSON lines; ``GET /health``.

Delivery guarantee: at-least-once for clients that retry until they get a
202. A 202 is sent only after the broker acknowledged every article of the
request, and lists their ids; a request with any invalid article is rejected
whole (422, with each field error) so a client never has to guess which part
went through. Re-sending an article yields the same id (downstream
overwrites, never duplicates).

Answers: 202 ``{"ids": [...]}``; 400 not JSON; 401 missing or wrong bearer
token; 404/405 unknown route; 411 no Content-Length; 413 body larger than
the size policy's message limit (``core.limits.max_message_bytes``, from
``WIREWATCH_MAX_ARTICLE_BYTES``; not read); 415 a Content-Type other
than ``application/json`` or ``application/x-ndjson``; 422 ``{"errors":
[{"index", "field", "message"}]}``; 503 with ``Retry-After`` while the broker
is away or did not acknowledge in time.

Load: at most ``webhook_threads`` requests are handled at once; further
connections wait in a listen backlog of ``webhook_backlog`` (they are not
reset); a client that sends nothing for ``webhook_socket_timeout_s``, or
whose request has not arrived whole after ``webhook_read_timeout_s``, is
disconnected, so slow clients cannot hold the server.
"""

from __future__ import annotations

import hmac
import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from connectors.base import Connector
from connectors.delivery import await_delivery
from connectors.errors import ConnectorError, DeliveryError
from connectors.records import RecordError, build_article
from core.limits import max_message_bytes
from core.metrics import record_connector

log = logging.getLogger(__name__)

WEBHOOK_SOURCE = "http:webhook"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
JSON_TYPES = frozenset({"application/json", "application/x-ndjson"})
WATCHDOG_TICK_S = 0.25


def parse_body(raw: bytes, content_type: str) -> Any:
    """The JSON payload of a request: a value, or the list of a JSON-lines body.

    Raises:
        ValueError: the body is not UTF-8 JSON (the message names the line).
    """
    if content_type == "application/x-ndjson":
        records = []
        for number, line in enumerate(raw.decode("utf-8").splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"line {number}: {exc}") from None
        return records
    return json.loads(raw)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "wirewatch-webhook"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.debug("webhook %s " + format, self.client_address[0], *args)

    # A client that trickles a request a byte at a time never trips the socket
    # timeout; the server's watchdog cuts it if the request is not read in time.
    def setup(self) -> None:
        super().setup()
        self._arm()

    def finish(self) -> None:
        self._disarm()
        super().finish()

    def _arm(self) -> None:
        self.server.watch(self)

    def _disarm(self) -> None:
        self.server.unwatch(self)

    def _cut(self) -> None:
        log.debug("webhook client %s too slow: cut after %.0f s", self.client_address, self.server.read_timeout_s)
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        self._arm()  # the next request on this connection gets its own deadline

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._disarm()
        path = self.path.split("?")[0]
        if path == "/health":
            self._send(200, {"status": "ok"})
        elif path == "/articles":
            self._send(405, {"error": "use POST /articles"}, {"Allow": "POST"})
        else:
            self._send(404, {"error": "not found; use POST /articles or GET /health"})

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        if self.path.split("?")[0] != "/articles":
            self._send(404, {"error": "not found; use POST /articles"})
            return
        token = self.server.connector.token
        if token is not None:
            given = self.headers.get("Authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                self.close_connection = True
                self._send(401, {"error": "missing or wrong bearer token"},
                           {"WWW-Authenticate": 'Bearer realm="wirewatch"'})
                return
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            self._send(411, {"error": "Content-Length required"})
            return
        limit = self.server.connector.max_body
        if int(length) > limit:
            self.close_connection = True  # the body is never read
            self._send(413, {"error": f"body larger than {limit} bytes (set by WIREWATCH_MAX_ARTICLE_BYTES); "
                                      "send fewer articles per request"})
            return
        content_type = self.headers.get_content_type()  # lower case, parameters (charset) dropped
        if content_type not in JSON_TYPES:
            self.close_connection = True  # the body is never read
            self._send(415, {"error": f"Content-Type {content_type} not accepted; send "
                                      "application/json or application/x-ndjson"})
            return
        raw = self.rfile.read(int(length))
        self._disarm()  # read in time; waiting for the broker is bounded by delivery_timeout_s
        try:
            payload = parse_body(raw, content_type)
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            self._send(400, {"error": f"body is not UTF-8 JSON: {exc}"})
            return
        status, answer = self.server.connector.accept(payload)
        retry_after = str(self.server.connector.retry_after_s)
        self._send(status, answer, {"Retry-After": retry_after} if status == 503 else None)


class _Server(HTTPServer):
    """An HTTP server with a bounded number of handler threads and a real listen backlog.

    The accept loop takes a connection only when a handler thread is free; the
    others wait in the kernel's backlog (``request_queue_size``), so a flood is
    queued instead of reset, and memory stays bounded.
    """

    connector: WebhookConnector

    def __init__(self, address: tuple[str, int], *, threads: int, backlog: int, timeout_s: float,
                 read_timeout_s: float) -> None:
        self.request_queue_size = backlog  # read by server_activate() -> listen()
        self.socket_timeout_s = timeout_s
        self.read_timeout_s = read_timeout_s
        self._free = threading.BoundedSemaphore(threads)
        self._stopping = threading.Event()
        self._deadlines: dict[_Handler, float] = {}
        self._deadlines_lock = threading.Lock()
        super().__init__(address, _Handler)
        threading.Thread(target=self._watchdog, name="wirewatch-webhook-watchdog", daemon=True).start()

    def watch(self, handler: _Handler) -> None:
        """Cut ``handler``'s connection unless its request is read within ``read_timeout_s``."""
        with self._deadlines_lock:
            self._deadlines[handler] = time.monotonic() + self.read_timeout_s

    def unwatch(self, handler: _Handler) -> None:
        with self._deadlines_lock:
            self._deadlines.pop(handler, None)

    def _watchdog(self) -> None:
        while not self._stopping.wait(WATCHDOG_TICK_S):
            now = time.monotonic()
            with self._deadlines_lock:
                late = [h for h, deadline in self._deadlines.items() if deadline <= now]
                for handler in late:
                    del self._deadlines[handler]
            for handler in late:
                handler._cut()

    def process_request(self, request: Any, client_address: Any) -> None:
        # wait for a free thread; the loop checks now and then whether to stop
        while not self._free.acquire(timeout=0.2):
            if self._stopping.is_set():
                self.shutdown_request(request)
                return
        thread = threading.Thread(target=self._handle, args=(request, client_address),
                                  name="wirewatch-webhook-request", daemon=True)
        thread.start()

    def _handle(self, request: socket.socket, client_address: Any) -> None:
        try:
            request.settimeout(self.socket_timeout_s)  # each read and write; slow clients are dropped
            self.finish_request(request, client_address)
        except (TimeoutError, OSError) as exc:
            log.debug("webhook client %s dropped: %s", client_address, exc)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self._free.release()

    def server_close(self) -> None:
        self._stopping.set()
        super().server_close()


class WebhookConnector(Connector):
    """Accepts articles over HTTP (stdlib ThreadingHTTPServer)."""

    name = "webhook"

    def setup(self) -> None:
        cfg = self.settings.connectors
        self.token = cfg.webhook_token.get_secret_value() if cfg.webhook_token else None
        if self.token is None and cfg.webhook_host not in LOOPBACK_HOSTS:
            raise ConnectorError(
                f"refusing to serve the webhook on {cfg.webhook_host} without a token; "
                "set WIREWATCH_CONNECTORS__WEBHOOK_TOKEN"
            )
        # one size policy (core/limits.py): a request carries at most one broker message's worth,
        # so any legal article fits; each article is checked against WIREWATCH_MAX_ARTICLE_BYTES
        self.max_body = max_message_bytes(self.settings)
        self.retry_after_s = cfg.webhook_retry_after_s
        self.server = _Server((cfg.webhook_host, cfg.webhook_port), threads=cfg.webhook_threads,
                              backlog=cfg.webhook_backlog, timeout_s=cfg.webhook_socket_timeout_s,
                              read_timeout_s=cfg.webhook_read_timeout_s)
        self.server.connector = self
        self.port = self.server.server_address[1]
        log.info("webhook listening on http://%s:%d/articles", cfg.webhook_host, self.port)

    def accept(self, payload: Any) -> tuple[int, dict[str, Any]]:
        """Validate, publish and await one request's articles; returns (status, JSON answer)."""
        records = payload if isinstance(payload, list) else [payload]
        if not records:
            return 422, {"errors": [{"index": None, "field": "body", "message": "empty list"}]}
        articles, errors = [], []
        for index, record in enumerate(records):
            try:
                articles.append(build_article(record, source=WEBHOOK_SOURCE,
                                              max_bytes=self.settings.max_article_bytes))
            except RecordError as exc:
                errors += [{"index": index, "field": e.field, "message": e.message} for e in exc.errors]
        record_connector(WEBHOOK_SOURCE, "fetched", len(records))
        record_connector(WEBHOOK_SOURCE, "errors", len(records) - len(articles))
        if errors:
            return 422, {"errors": errors}
        if self.publisher.outage:
            # sends are already waiting for the broker: do not queue more behind them
            return 503, {"error": "the broker is unavailable; retry later",
                         "undelivered": sorted(a.id for a in articles)}
        sends = [(a.id, self.publisher.publish(a)) for a in articles]
        try:
            await_delivery(sends, self.settings.connectors.delivery_timeout_s)
        except DeliveryError as exc:
            log.error("webhook: %s", exc)
            return 503, {"error": "the broker did not acknowledge; retry later",
                         "undelivered": sorted(exc.undelivered)}
        return 202, {"ids": [a.id for a in articles]}

    def run(self) -> None:
        # handle_request() with a timeout rather than serve_forever(): stop() then
        # needs no shutdown() handshake, which would hang if run() never started.
        self.server.timeout = 0.2
        while not self.stopping.is_set():
            self.server.handle_request()

    def cleanup(self, failed: bool) -> None:
        if hasattr(self, "server"):
            self.server.server_close()
