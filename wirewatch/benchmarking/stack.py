"""The embedded stack for end-to-end benchmarks: broker, search engine and workers on free ports.

Workers are ``wirewatch worker`` child processes, as ``wirewatch up`` starts
them; each logs to its own file in the run's folder and serves its metrics on
its own loopback port, so the harness can tell when each one tagged something
and how much memory it holds.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.settings import Settings, get_settings


def metric_sum(text: str, name: str, labels: dict[str, str] | None = None) -> float:
    """Sum of every sample of metric ``name`` in Prometheus text exposition (those with ``labels``, if given)."""
    pattern = re.compile(rf"^{re.escape(name)}(?:{{([^}}]*)}})?\s+([-0-9.e+]+|NaN)$", re.MULTILINE)
    wanted = [f'{key}="{value}"' for key, value in (labels or {}).items()]
    return sum(float(v) for found, v in pattern.findall(text)
               if v != "NaN" and all(label in found.split(",") for label in wanted))


def rss_mb(pid: int) -> float | None:
    """Resident set size of a process in MiB (Linux /proc), None when it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


@dataclass
class Worker:
    """One ``wirewatch worker`` child."""

    name: str
    process: Any
    metrics_port: int
    log_path: Path
    started_at: float
    rss: list[float] = field(default_factory=list)

    def metric(self, name: str, labels: dict[str, str] | None = None) -> float:
        """The sum of a metric's samples (with ``labels``) on this worker's /metrics; 0 while it does not serve yet."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.metrics_port}/metrics", timeout=2) as r:  # noqa: S310
                return metric_sum(r.read().decode(), name, labels)
        except OSError:
            return 0.0

    def tagged(self) -> int:
        """Articles this worker tagged so far (``wirewatch_articles_tagged_total``)."""
        return int(self.metric("wirewatch_articles_tagged_total"))


@dataclass
class Stack:
    """A running broker, search engine and workers, with the settings that reach them."""

    settings: Settings
    folder: Path
    servers: list[Any] = field(default_factory=list)
    workers: list[Worker] = field(default_factory=list)
    _sampler: threading.Thread | None = None
    _stop: threading.Event = field(default_factory=threading.Event)

    def start_workers(self, count: int) -> list[Worker]:
        """Start ``count`` workers now (they join the consumer group as they come up)."""
        from core.metrics import LOOPBACK
        from wirewatch.embedded import embedded_kafka_env, free_port
        from wirewatch.processes import spawn

        env = {**os.environ, "WIREWATCH_KAFKA_BOOTSTRAP": self.settings.bootstrap,
               "WIREWATCH_ES_URL": self.settings.search_url, "WIREWATCH_TOPIC_PREFIX": self.settings.topic_prefix,
               "WIREWATCH_INDEX_PREFIX": self.settings.index_prefix, "WIREWATCH_METRICS_ADDR": LOOPBACK,
               "WIREWATCH_WORKER__DATA_DIR": str(self.folder / "worker"), "PYTHONUNBUFFERED": "1",
               "NO_COLOR": "1", **embedded_kafka_env(self.settings)}
        started = []
        for _ in range(count):
            name = f"worker-{len(self.workers) + 1}"
            port = free_port()
            log_path = self.folder / f"{name}.log"
            child_env = {**env, "WIREWATCH_WORKER__METRICS_PORT": str(port), "WIREWATCH_LOG_FILE": str(log_path)}
            process = spawn([sys.executable, "-m", "wirewatch", "worker"], log_path=self.folder / f"{name}.out",
                            env=child_env)
            worker = Worker(name, process, port, log_path, time.monotonic())
            self.workers.append(worker)
            started.append(worker)
        return started

    def sample_rss(self, interval: float = 1.0) -> None:
        """Sample every worker's RSS every ``interval`` seconds in a thread until the stack stops.

        Each sample is also appended to ``rss.tsv`` in the stack's folder (seconds since sampling
        began, worker, MiB), so a run that is stopped early (``bench soak --keep``) keeps its curve.
        """
        began = time.monotonic()

        def loop() -> None:
            with (self.folder / "rss.tsv").open("a", encoding="utf-8") as log:
                while not self._stop.wait(interval):
                    for worker in self.workers:
                        if (value := rss_mb(worker.process.pid)) is not None:
                            worker.rss.append(value)
                            log.write(f"{time.monotonic() - began:.1f}\t{worker.name}\t{value:.1f}\n")
                    log.flush()

        self._sampler = threading.Thread(target=loop, name="rss-sampler", daemon=True)
        self._sampler.start()

    def pids(self) -> dict[str, int]:
        """Every process of the stack by label: the harness, the broker, the search engine, each worker."""
        labels = {"kafka": "broker (tansu)", "search": "search engine (osmem)"}
        out = {"harness (this process)": os.getpid()}
        out |= {labels.get(server.name, server.name): server.process.pid for server in self.servers}
        out |= {worker.name: worker.process.pid for worker in self.workers}
        return out

    def search_pid(self) -> int | None:
        """The embedded search engine's process id, None if it is not running here."""
        return next((server.process.pid for server in self.servers if server.name == "search"), None)

    def check_alive(self) -> None:
        """Raise when a worker exited: the figures would be meaningless."""
        for worker in self.workers:
            if worker.process.poll() is not None:
                raise RuntimeError(f"{worker.name} exited with code {worker.process.returncode}; "
                                   f"see {worker.log_path.with_suffix('.out')} and {worker.log_path}")

    def stop(self) -> None:
        """Stop the workers, then the servers."""
        from wirewatch.processes import terminate_all

        self._stop.set()
        terminate_all(worker.process for worker in self.workers)
        for server in reversed(self.servers):
            server.stop()


@contextmanager
def embedded_stack(*, keep: Path | None = None) -> Iterator[Stack]:
    """Broker and search engine on free loopback ports, topics and indices set up; stopped on exit."""
    from wirewatch.commands.setup import run_setup
    from wirewatch.embedded import free_port, start_broker, start_search

    base = get_settings()
    with tempfile.TemporaryDirectory(prefix="wirewatch-bench-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        stack = Stack(base, folder)
        try:
            broker = start_broker("127.0.0.1", free_port(), log_dir=folder)
            stack.servers.append(broker)
            search = start_search("127.0.0.1", free_port(), log_dir=folder, embedded=base.embedded)
            stack.servers.append(search)
            stack.settings = base.model_copy(update={"kafka_bootstrap": broker.url, "es_url": search.url})
            run_setup(stack.settings)
            yield stack
        finally:
            stack.stop()


def wait_until(probe: Any, *, timeout: float, what: str, interval: float = 0.05,
               alive: Iterable[Stack] = ()) -> float:
    """Poll ``probe()`` until truthy; return the monotonic time it became so. Raise TimeoutError after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        if probe():
            return time.monotonic()
        for stack in alive:
            stack.check_alive()
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)
