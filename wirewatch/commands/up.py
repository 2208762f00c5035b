"""``wirewatch up``: the whole pipeline on one machine, until Ctrl-C or SIGTERM.

With no ``WIREWATCH_KAFKA_BOOTSTRAP`` / ``WIREWATCH_ES_URL`` it starts the
embedded broker and search engine on loopback; with them it uses those
services and starts nothing embedded. Then it runs ``setup``, starts the
stream workers and the connectors as child processes, optionally publishes the
demo articles, prints the URLs and supervises: a child that dies is restarted
with backoff; on Ctrl-C/SIGTERM everything stops, children first.

Each child logs JSON lines to ``<log-dir>/<name>.log`` (rotated by size) and
anything else it prints (a crash's traceback) to ``<name>.out`` (the previous
runs' kept as ``.out.1`` ...). Worker *i* serves metrics on
``WIREWATCH_WORKER__METRICS_PORT + i``; every endpoint binds 127.0.0.1.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import click
from rich.console import Console

from core.backoff import Backoff
from core.metrics import LOOPBACK
from core.settings import Settings, get_settings

console = Console(stderr=True)
# windows of 1, 2, 4... s, up to 30 s, between restarts of a child that keeps exiting
RESTART_BACKOFF = Backoff(initial_s=1.0, max_s=30.0)


OUT_FILES_KEPT = 3


@dataclass
class Child:
    """A supervised child process: ``wirewatch <command>``."""

    name: str
    args: list[str]
    log_dir: Path
    env: dict[str, str]
    metrics_url: str | None = None
    process: object | None = None
    restarts: int = 0
    next_start: float = 0.0
    started_at: float = field(default=0.0)

    @property
    def log_path(self) -> Path:
        """Its JSON log (``WIREWATCH_LOG_FILE``)."""
        return self.log_dir / f"{self.name}.log"

    @property
    def out_path(self) -> Path:
        """Its stdout and stderr: whatever did not go through logging."""
        return self.log_dir / f"{self.name}.out"

    def start(self) -> None:
        from wirewatch.processes import spawn

        env = {**self.env, "WIREWATCH_LOG_FILE": str(self.log_path)}
        self.process = spawn(self.args, log_path=self.out_path, env=env)
        self.started_at = time.monotonic()

    def check(self) -> None:
        """Restart the child if it exited, with exponential backoff."""
        proc = self.process
        if proc is None or proc.poll() is None:  # type: ignore[attr-defined]
            return
        now = time.monotonic()
        if self.next_start == 0.0:
            if now - self.started_at > 60:
                self.restarts = 0  # it ran fine for a while: start the backoff afresh
            delay = RESTART_BACKOFF.delay(self.restarts)
            console.print(f"[yellow]{self.name} exited with code {proc.returncode}; "  # type: ignore[attr-defined]
                          f"restarting in {delay:.1f} s (log: {self.log_path}, output: {self.out_path})[/]")
            self.next_start = now + delay
        elif now >= self.next_start:
            self.restarts += 1
            self.next_start = 0.0
            self.start()

    def stop(self) -> None:
        from wirewatch.processes import terminate

        if self.process is not None:
            terminate(self.process)  # type: ignore[arg-type]


def _child_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env["WIREWATCH_KAFKA_BOOTSTRAP"] = settings.bootstrap
    env["WIREWATCH_ES_URL"] = settings.search_url
    env["WIREWATCH_TOPIC_PREFIX"] = settings.topic_prefix
    env["WIREWATCH_METRICS_ADDR"] = LOOPBACK  # one machine: nothing to serve beyond it
    env["PYTHONUNBUFFERED"] = "1"
    env["NO_COLOR"] = "1"  # libraries that colour their output: not in log files
    return env


def worker_children(settings: Settings, count: int, exe: list[str], log_dir: Path,
                    env: dict[str, str]) -> list[Child]:
    """``count`` workers; worker *i* gets metrics port ``base + i`` (none when the base is 0)."""
    base = settings.worker.metrics_port
    children = []
    for i in range(count):
        port = base + i if base else 0
        child_env = {**env, "WIREWATCH_WORKER__METRICS_PORT": str(port)}
        url = f"http://{LOOPBACK}:{port}/metrics" if port else None
        children.append(Child(f"worker-{i + 1}", [*exe, "worker"], log_dir, child_env, metrics_url=url))
    return children


def rotate_out_files(log_dir: Path, names: list[str], keep: int = OUT_FILES_KEPT) -> None:
    """Move each ``<name>.out`` to ``.out.1`` (and so on, ``keep`` deep) so runs do not pile up."""
    for name in names:
        current = log_dir / f"{name}.out"
        if not current.exists():
            continue
        for n in range(keep - 1, 0, -1):
            older = log_dir / f"{name}.out.{n}"
            if older.exists():
                older.replace(log_dir / f"{name}.out.{n + 1}")
        current.replace(log_dir / f"{name}.out.1")


def _publish_demo(settings: Settings) -> int:
    from connectors.publisher import ArticlePublisher
    from wirewatch.demo import demo_articles

    articles = demo_articles()
    with ArticlePublisher(settings) as publisher:
        for article in articles:
            publisher.publish(article)
        publisher.flush()
    return len(articles)


@click.command()
@click.option("--demo", is_flag=True, help="also publish the bundled demo articles")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="stream worker processes (they share the partitions)")
@click.option("--connectors/--no-connectors", default=True, show_default=True,
              help="run the connectors (inbox, feeds, webhook)")
@click.option("--feeds", "feeds_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="feeds YAML file to poll (see deploy/connectors/feeds.example.yaml)")
@click.option("--log-dir", type=click.Path(path_type=Path), default=Path(".wirewatch/logs"),
              show_default=True, help="where the children's logs go")
def up(demo: bool, workers: int, connectors: bool, feeds_file: Path | None, log_dir: Path) -> None:
    """Start the embedded stack (broker, search engine, workers, connectors) until Ctrl-C."""
    from wirewatch.commands.setup import run_setup
    from wirewatch.embedded import start_broker, start_search
    from wirewatch.processes import stop_requested

    base = get_settings()
    embedded = []
    stop = stop_requested(lambda signum: console.print(f"\n{signal.Signals(signum).name}: stopping..."))
    children: list[Child] = []
    try:
        updates: dict[str, str] = {}
        if base.kafka_bootstrap is None:
            broker = start_broker(base.embedded.host, base.embedded.kafka_port, log_dir=log_dir,
                                  timeout=base.embedded.startup_timeout_s)
            embedded.append(broker)
            updates["kafka_bootstrap"] = broker.url
        if base.es_url is None:
            search = start_search(base.embedded.host, base.embedded.es_port, log_dir=log_dir,
                                  timeout=base.embedded.startup_timeout_s)
            embedded.append(search)
            updates["es_url"] = search.url
        settings = base.model_copy(update=updates)
        run_setup(settings)

        env = _child_env(settings)
        exe = [sys.executable, "-m", "wirewatch"]
        children += worker_children(settings, workers, exe, log_dir, env)
        if connectors:
            # the webhook listens on loopback unless configured otherwise
            args = [*exe, "connectors", "--webhook"]
            if feeds_file is not None:
                args += ["--feeds", str(feeds_file.resolve())]
            port = settings.connectors.metrics_port
            children.append(Child("connectors", args, log_dir, env,
                                  metrics_url=f"http://{LOOPBACK}:{port}/metrics" if port else None))
        rotate_out_files(log_dir, [child.name for child in children])
        for child in children:
            child.start()
        if demo:
            console.print(f"published {_publish_demo(settings)} demo articles to {settings.topic_prefix}articles.raw")
        _print_urls(settings, embedded, children, log_dir, webhook=connectors)
        while not stop.wait(0.5):
            for child in children:
                child.check()
    finally:  # a WirewatchError goes on to the CLI's edge once everything is stopped
        for child in reversed(children):
            child.stop()
        for server in reversed(embedded):
            server.stop()
        if stop.is_set():
            console.print("stopped.")


def _print_urls(settings: Settings, embedded: list, children: list[Child], log_dir: Path, *,
                webhook: bool) -> None:
    kind = "embedded" if embedded else "external"
    console.print(f"[bold green]wirewatch is up[/] ({kind} services)")
    console.print(f"  Kafka bootstrap : {settings.bootstrap}")
    console.print(f"  Search engine   : {settings.search_url}  (aliases {settings.index_prefix}articles, "
                  f"{settings.index_prefix}events)")
    console.print(f"  Topics          : {settings.topic_prefix}articles.raw, {settings.topic_prefix}articles.tagged, "
                  f"{settings.topic_prefix}events, {settings.topic_prefix}deadletter")
    console.print(f"  Inbox folder    : {settings.inbox_dir.resolve()}")
    if webhook:
        hook = settings.connectors
        console.print(f"  Webhook         : POST http://{hook.webhook_host}:{hook.webhook_port}/articles")
    console.print(f"  Processes       : {', '.join(c.name for c in children)} (logs in {log_dir.resolve()})")
    for child in children:
        if child.metrics_url:
            console.print(f"  Metrics         : {child.metrics_url}  ({child.name})")
    console.print("  Try             : wirewatch search 'drone' --subtype AIR_STRIKE")
    console.print("Press Ctrl-C to stop.")
