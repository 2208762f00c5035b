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
        assert test[3] in {"metrics", "progress", "kafka", "http", "tcp"}
    worker = compose["services"]["worker"]
    assert str(worker["environment"]["WIREWATCH_WORKER__METRICS_PORT"]) in worker["expose"]


class MetricsServer(http.server.ThreadingHTTPServer):
    body = ""


@pytest.fixture()
def worker_metrics(tmp_path, monkeypatch):
    """A fake worker /metrics whose text the test sets, and a fresh state file."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            payload = self.server.body.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = MetricsServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("WIREWATCH_WORKER__METRICS_PORT", str(server.server_address[1]))
    monkeypatch.setenv("WIREWATCH_HEALTH_STATE", str(tmp_path / "health.json"))
    yield server
    server.shutdown()
    server.server_close()


def exposition(consumed: float, lags: list[int]) -> str:
    lines = ["# HELP wirewatch_messages_consumed_total Messages read from a topic.",
             "# TYPE wirewatch_messages_consumed_total counter",
             f'wirewatch_messages_consumed_total{{topic="wirewatch.articles.raw"}} {consumed}',
             'wirewatch_messages_consumed_created{topic="wirewatch.articles.raw"} 1.7e9',
             "# TYPE wirewatch_consumer_lag gauge"]
    lines += [f'wirewatch_consumer_lag{{partition="{i}",topic="wirewatch.articles.raw"}} {lag}'
              for i, lag in enumerate(lags)]
    return "\n".join(lines) + "\n"


def test_progress_fails_only_when_nothing_is_consumed_while_lag_grows(worker_metrics, capsys):
    checks = [
        (exposition(10, [0, 0]), 0),     # first check: nothing to compare with
        (exposition(10, [0, 0]), 0),     # idle: nothing consumed, nothing waiting
        (exposition(25, [40, 3]), 0),    # busy: lag grew but it consumed
        (exposition(25, [40, 3]), 0),    # nothing consumed, lag flat: fine
        (exposition(25, [90, 3]), 1),    # stuck: nothing consumed, lag grew
        (exposition(25, [120, 9]), 1),   # still stuck
        (exposition(31, [130, 9]), 0),   # moving again
        (exposition(2, [200, 9]), 0),    # restarted: the counter began again
    ]
    for body, expected in checks:
        worker_metrics.body = body
        assert probe["main"](["progress"]) == expected, body
    assert "consumed nothing" in capsys.readouterr().err


def test_progress_sums_every_label_set_and_ignores_other_metrics():
    text = exposition(7.0, [5, 6]) + 'wirewatch_consumer_lag_seconds{topic="x"} 100\n'
    assert probe["metric_sum"](text, "wirewatch_consumer_lag") == 11
    assert probe["metric_sum"](text, "wirewatch_messages_consumed_total") == 7


def test_progress_is_unhealthy_without_metrics(monkeypatch, tmp_path):
    monkeypatch.setenv("WIREWATCH_WORKER__METRICS_PORT", str(closed_port()))
    monkeypatch.setenv("WIREWATCH_HEALTH_STATE", str(tmp_path / "health.json"))
    assert probe["main"](["progress"]) == 1
    monkeypatch.setenv("WIREWATCH_WORKER__METRICS_PORT", "0")
    assert probe["main"](["progress"]) == 1


def test_the_worker_healthcheck_is_the_progress_check(compose):
    test = compose["services"]["worker"]["healthcheck"]["test"]
    assert test[3] == "progress"
