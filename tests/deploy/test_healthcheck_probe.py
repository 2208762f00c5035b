"""deploy/wirewatch/healthcheck.py: the containers' health probe, run as the image runs it."""

from __future__ import annotations

import http.server
import runpy
import socket
import threading

import pytest
from deploy_support import REPO

SCRIPT = REPO / "deploy/wirewatch/healthcheck.py"
probe = runpy.run_path(str(SCRIPT))


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        self.send_response(200 if self.path == "/metrics" else 500)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture()
def http_port():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_metrics_mode_is_healthy_when_metrics_answer(http_port, monkeypatch):
    monkeypatch.setenv("WIREWATCH_WORKER__METRICS_PORT", str(http_port))
    assert probe["main"](["metrics"]) == 0
    monkeypatch.setenv("WIREWATCH_WORKER__METRICS_PORT", "0")
    assert probe["main"](["metrics"]) == 1


def test_http_errors_and_closed_ports_are_unhealthy(http_port, capsys):
    assert probe["main"](["http", f"http://127.0.0.1:{http_port}/other"]) == 1
    assert "HTTP 500" in capsys.readouterr().err
    assert probe["main"](["http", f"http://127.0.0.1:{closed_port()}/metrics"]) == 1


def test_kafka_mode_needs_one_reachable_bootstrap_address(monkeypatch):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        good = f"127.0.0.1:{listener.getsockname()[1]}"
        bad = f"127.0.0.1:{closed_port()}"
        monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", f"{bad},{good}")
        assert probe["main"](["kafka"]) == 0
        monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", bad)
        assert probe["main"](["kafka"]) == 1


def test_compose_healthchecks_use_modes_the_probe_knows(compose):
    for name in ("connectors", "worker"):
        test = compose["services"][name]["healthcheck"]["test"]
        assert test[:3] == ["CMD", "python", "/app/deploy/wirewatch/healthcheck.py"]
        assert test[3] in {"metrics", "kafka", "http", "tcp"}
    worker = compose["services"]["worker"]
    assert str(worker["environment"]["WIREWATCH_WORKER__METRICS_PORT"]) in worker["expose"]
