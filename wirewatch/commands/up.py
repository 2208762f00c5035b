"""``wirewatch up``: the whole pipeline on one machine, until Ctrl-C or SIGTERM.

With no ``WIREWATCH_KAFKA_BOOTSTRAP`` / ``WIREWATCH_ES_URL`` it starts the
embedded broker and search engine on loopback; with them it uses those
services and starts nothing embedded. Then it runs ``setup``, starts the
stream workers and the connectors as child processes, optionally publishes the
demo articles, prints the URLs and supervises: a child that dies is restarted
with backoff; on Ctrl-C/SIGTERM everything stops, children first.
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
from core.settings import Settings, get_settings

console = Console(stderr=True)
# windows of 1, 2, 4... s, up to 30 s, between restarts of a child that keeps exiting
RESTART_BACKOFF = Backoff(initial_s=1.0, max_s=30.0)


@dataclass
class Child:
    """A supervised child process: ``wirewatch <command>``."""

    name: str
    args: list[str]
    log_path: Path
    env: dict[str, str]
    process: object | None = None
    restarts: int = 0
    next_start: float = 0.0
    started_at: float = field(default=0.0)

    def start(self) -> None:
        from wirewatch.processes import spawn

        self.process = spawn(self.args, log_path=self.log_path, env=self.env)
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
                          f"restarting in {delay:.1f} s (log: {self.log_path})[/]")
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
    env["PYTHONUNBUFFERED"] = "1"
    return env


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
        for n in range(workers):
            children.append(Child(f"worker-{n + 1}", [*exe, "worker"], log_dir / f"worker-{n + 1}.log", env))
        if connectors:
            # the webhook listens on loopback unless configured otherwise
            args = [*exe, "connectors", "--webhook"]
            if feeds_file is not None:
                args += ["--feeds", str(feeds_file.resolve())]
            children.append(Child("connectors", args, log_dir / "connectors.log", env))
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
    console.print("  Try             : wirewatch search 'drone' --subtype AIR_STRIKE")
    console.print("Press Ctrl-C to stop.")
