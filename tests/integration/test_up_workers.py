"""`wirewatch up --workers 2` with metrics: a port per worker on loopback, clean JSON logs."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.integration.helpers import wait_for
from wirewatch.embedded import free_port
from wirewatch.processes import spawn, terminate

pytestmark = pytest.mark.integration


def two_free_ports() -> int:
    """A port p with p + 1 free too."""
    for _ in range(50):
        base = free_port()
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", base + 1))
            except OSError:
                continue
        return base
    raise AssertionError("no two consecutive free ports")


def serves(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp) listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.rpartition(":")
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.add(address)
    return found


def assignments(log: Path) -> int:
    if not log.exists():
        return 0
    return sum(1 for line in log.read_text(errors="replace").splitlines()
               if line.startswith("{") and json.loads(line).get("message") == "partitions assigned")


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="needs Linux /proc to see bind addresses")
def test_two_workers_serve_metrics_on_their_own_loopback_ports_and_log_clean_json(tmp_path):
    base = two_free_ports()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update({"WIREWATCH_EMBEDDED__KAFKA_PORT": str(free_port()), "WIREWATCH_EMBEDDED__ES_PORT": str(free_port()),
                "WIREWATCH_WORKER__METRICS_PORT": str(base), "WIREWATCH_INBOX_DIR": str(tmp_path / "inbox"),
                "WIREWATCH_WORKER__DATA_DIR": str(tmp_path / "worker")})
    logs, out = tmp_path / "logs", tmp_path / "up.out"
    up = spawn([sys.executable, "-m", "wirewatch", "up", "--workers", "2", "--no-connectors",
                "--log-dir", str(logs)], log_path=out, env=env, cwd=tmp_path)
    try:
        urls = [f"http://127.0.0.1:{base + i}/metrics" for i in (0, 1)]
        wait_for(lambda: all(serves(u) for u in urls), timeout=120, what=f"both metrics endpoints ({out})")
        for port in (base, base + 1):
            assert listening_addresses(port) == {"0100007F"}, f"port {port} is not bound to 127.0.0.1 only"
        wait_for(lambda: all(assignments(logs / f"worker-{n}.log") for n in (1, 2)), timeout=180,
                 what="both workers in the consumer group")
        printed = out.read_text()
        assert all(u in printed for u in urls), printed
        assert "exited with code" not in printed, printed
    finally:
        up.send_signal(signal.SIGTERM)
        try:
            up.wait(60)
        finally:
            terminate(up)
    for n in (1, 2):
        text = (logs / f"worker-{n}.log").read_text(encoding="utf-8")
        assert "\x1b" not in text and "\x08" not in text
        for line in text.splitlines():
            entry = json.loads(line)  # every line is one JSON object
            assert {"ts", "level", "logger", "message"} <= set(entry)
        assert (logs / f"worker-{n}.out").exists()
