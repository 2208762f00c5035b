"""Container healthcheck for the wirewatch services; exit 0 when healthy, 1 otherwise.

Usage (the image has this file at /app/deploy/wirewatch/healthcheck.py)::

    python healthcheck.py metrics          # GET http://127.0.0.1:$WIREWATCH_WORKER__METRICS_PORT/metrics
    python healthcheck.py http URL         # GET URL answers 2xx
    python healthcheck.py kafka            # a TCP connection to $WIREWATCH_KAFKA_BOOTSTRAP opens
    python healthcheck.py tcp HOST:PORT[,HOST:PORT...]

Standard library only: it runs in the slim image, and in a test, as it is.
"""

from __future__ import annotations

import os
import socket
import sys
import urllib.error
import urllib.request

TIMEOUT_S = 3.0


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
