"""Container healthcheck for the wirewatch services; exit 0 when healthy, 1 otherwise.

Usage (the image has this file at /app/deploy/wirewatch/healthcheck.py)::

    python healthcheck.py metrics          # GET http://127.0.0.1:$WIREWATCH_WORKER__METRICS_PORT/metrics
    python healthcheck.py progress         # metrics answer, and the consumer is not stuck (below)
    python healthcheck.py http URL         # GET URL answers 2xx
    python healthcheck.py kafka            # a TCP connection to $WIREWATCH_KAFKA_BOOTSTRAP opens
    python healthcheck.py tcp HOST:PORT[,HOST:PORT...]

``progress`` remembers the previous check in ``$WIREWATCH_HEALTH_STATE``
(default ``/tmp/wirewatch-health.json``) and is unhealthy when, since then,
the worker consumed nothing (``wirewatch_messages_consumed_total`` did not
move) while its lag grew (the sum of ``wirewatch_consumer_lag`` rose): work
is waiting and nobody takes it. An idle worker (no lag, or lag not rising)
stays healthy.

Standard library only: it runs in the slim image, and in a test, as it is.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

TIMEOUT_S = 3.0
DEFAULT_STATE_FILE = "/tmp/wirewatch-health.json"  # noqa: S108 - per-container, not shared
_SAMPLE = re.compile(r"^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(?P<value>\S+)")


def check_http(url: str, timeout: float = TIMEOUT_S) -> str | None:
    """``None`` when ``url`` answers 2xx, else what went wrong."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - local URL
            if 200 <= response.status < 300:
                return None
            return f"{url} answered HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        return f"{url} answered HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        return f"{url} unreachable: {getattr(exc, 'reason', exc)}"


def fetch(url: str, timeout: float = TIMEOUT_S) -> tuple[str | None, str]:
    """``(problem, body)``: ``problem`` is ``None`` when ``url`` answered 2xx."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - local URL
            return None, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return f"{url} answered HTTP {exc.code}", ""
    except (urllib.error.URLError, OSError) as exc:
        return f"{url} unreachable: {getattr(exc, 'reason', exc)}", ""


def metric_sum(text: str, name: str) -> float:
    """Sum of every sample of ``name`` (all label sets) in Prometheus text format."""
    total = 0.0
    for line in text.splitlines():
        match = _SAMPLE.match(line)
        if match and match.group("name") == name:
            try:
                total += float(match.group("value"))
            except ValueError:
                continue
    return total


def stuck(previous: dict[str, float] | None, current: dict[str, float]) -> str | None:
    """Why the consumer looks stuck between two checks, or ``None``."""
    if previous is None:
        return None
    consumed_nothing = current["consumed"] <= previous["consumed"]
    lag_grew = current["lag"] > previous["lag"]
    if consumed_nothing and lag_grew:
        seconds = current["at"] - previous["at"]
        return (f"consumed nothing in {seconds:.0f} s while the lag grew from "
                f"{previous['lag']:.0f} to {current['lag']:.0f} messages")
    return None


def check_progress(port: str, state_file: Path, timeout: float = TIMEOUT_S) -> str | None:
    """``None`` when /metrics answers and the consumer is not stuck; remembers this check."""
    problem, text = fetch(f"http://127.0.0.1:{port}/metrics", timeout)
    if problem:
        return problem
    current = {"at": time.time(),
               "consumed": metric_sum(text, "wirewatch_messages_consumed_total"),
               "lag": metric_sum(text, "wirewatch_consumer_lag")}
    try:
        previous = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        previous = None
    if previous is not None and current["consumed"] < previous.get("consumed", 0):
        previous = None  # the worker restarted: counters began again
    try:
        state_file.write_text(json.dumps(current), encoding="utf-8")
    except OSError as exc:
        return f"cannot remember this check in {state_file}: {exc}"
    return stuck(previous, current)


def check_tcp(addresses: str, timeout: float = TIMEOUT_S) -> str | None:
    """``None`` when any of the comma-separated ``host:port`` addresses accepts a connection."""
    problems = []
    for address in filter(None, (a.strip() for a in addresses.split(","))):
        host, _, port = address.rpartition(":")
        try:
            with socket.create_connection((host, int(port)), timeout=timeout):
                return None
        except (OSError, ValueError) as exc:
            problems.append(f"{address}: {exc}")
    return "no broker reachable (" + "; ".join(problems or ["no address given"]) + ")"


def main(argv: list[str]) -> int:
    """Run the check named by ``argv[0]``; print the problem and return 1 when unhealthy."""
    mode, args = (argv[0], argv[1:]) if argv else ("metrics", [])
    if mode == "metrics":
        port = os.environ.get("WIREWATCH_WORKER__METRICS_PORT", "0")
        problem = (check_http(f"http://127.0.0.1:{port}/metrics") if port != "0"
                   else "metrics are off: set WIREWATCH_WORKER__METRICS_PORT")
    elif mode == "progress":
        port = os.environ.get("WIREWATCH_WORKER__METRICS_PORT", "0")
        state = Path(os.environ.get("WIREWATCH_HEALTH_STATE", DEFAULT_STATE_FILE))
        problem = (check_progress(port, state) if port != "0"
                   else "metrics are off: set WIREWATCH_WORKER__METRICS_PORT")
    elif mode == "http" and args:
        problem = check_http(args[0])
    elif mode == "kafka":
        problem = check_tcp(os.environ.get("WIREWATCH_KAFKA_BOOTSTRAP", ""))
    elif mode == "tcp" and args:
        problem = check_tcp(args[0])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    if problem:
        print(f"unhealthy: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
