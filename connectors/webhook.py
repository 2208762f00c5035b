"""The webhook: ``POST /articles`` with one article or a list; ``GET /health``.

Delivery guarantee: at-least-once for clients that retry until they get a
202. A 202 is sent only after the broker acknowledged every article of the
request, and lists their ids; a request with any invalid article is rejected
whole (422, with each field error) so a client never has to guess which part
went through. Re-sending an article yields the same id (downstream
overwrites, never duplicates).

Answers: 202 ``{"ids": [...]}``; 400 not JSON; 401 missing or wrong bearer
token; 404/405 unknown route; 411 no Content-Length; 413 body larger than
``connectors.webhook_max_body_bytes`` (not read); 422 ``{"errors": [{"index",
"field", "message"}]}``; 503 the broker did not acknowledge in time.
"""

from __future__ import annotations

import hmac
import json
import logging
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from connectors.base import Connector
from connectors.delivery import await_delivery
from connectors.errors import ConnectorError, DeliveryError
from connectors.records import RecordError, build_article
from core.metrics import record_connector

log = logging.getLogger(__name__)

WEBHOOK_SOURCE = "http:webhook"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "wirewatch-webhook"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.debug("webhook %s " + format, self.client_address[0], *args)

    def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
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
            self._send(413, {"error": f"body larger than {limit} bytes; send fewer articles per request"})
            return
        raw = self.rfile.read(int(length))
        try:
            payload = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._send(400, {"error": f"body is not UTF-8 JSON: {exc}"})
            return
        status, answer = self.server.connector.accept(payload)
        self._send(status, answer)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    connector: WebhookConnector


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
        self.max_body = cfg.webhook_max_body_bytes
        self.server = _Server((cfg.webhook_host, cfg.webhook_port), _Handler)
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
                articles.append(build_article(record, source=WEBHOOK_SOURCE))
            except RecordError as exc:
                errors += [{"index": index, "field": e.field, "message": e.message} for e in exc.errors]
        record_connector(WEBHOOK_SOURCE, "fetched", len(records))
        record_connector(WEBHOOK_SOURCE, "errors", len(records) - len(articles))
        if errors:
            return 422, {"errors": errors}
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
