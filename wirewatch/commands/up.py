"""``wirewatch up``: the whole pipeline on one machine, until Ctrl-C or SIGTERM.

With no ``WIREWATCH_KAFKA_BOOTSTRAP`` / ``WIREWATCH_ES_URL`` it starts the
embedded broker and search engine on loopback; with them it uses those
services and starts nothing embedded. Then it runs ``setup``, starts the
stream workers and the connectors as child processes, optionally publishes the
demo articles, prints the URLs and supervises everything it started (see
:mod:`wirewatch.supervisor`): a process that dies, embedded servers included,
is reported in one line and restarted with backoff, and ``setup`` re-runs
after an embedded server came back; on Ctrl-C/SIGTERM everything stops,
children first.

Each child logs JSON lines to ``<log-dir>/<name>.log`` (rotated by size) and
anything else it prints (a crash's traceback) to ``<name>.out`` (the previous
runs' kept as ``.out.1`` ...). Worker *i* serves metrics on
``WIREWATCH_WORKER__METRICS_PORT + i``; every endpoint binds 127.0.0.1.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from pathlib import Path

import click
from rich.console import Console

from core.metrics import LOOPBACK
from core.settings import Settings, get_settings
from wirewatch.supervisor import Child, EmbeddedService, Supervised

console = Console(stderr=True)
# seconds a re-run of setup waits for the other server (it may be restarting too)
RESETUP_WAIT_S = 10.0
OUT_FILES_KEPT = 3


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
    from wirewatch.processes import stop_requested, stop_with_parent

    base = get_settings()
    stop = stop_requested(lambda signum: console.print(f"\n{signal.Signals(signum).name}: stopping..."))
    stop_with_parent()  # started by a test or a benchmark: not one second longer than it
    embedded: list[EmbeddedService] = []
    children: list[Child] = []
    try:
        embedded = _embedded_services(base, log_dir)
        updates: dict[str, str] = {}
        for service in embedded:
            service.start()  # the first start raises a clear error (e.g. the port is taken)
            updates["kafka_bootstrap" if service.name == BROKER else "es_url"] = service.url
        settings = base.model_copy(update=updates)
        run_setup(settings)
        for service in embedded:  # from now on a restarted server is set up again
            service.setup = functools.partial(run_setup, settings, wait_s=RESETUP_WAIT_S)

        env = _child_env(settings)
        if base.kafka_bootstrap is None:  # the embedded broker: its shorter group timeouts
            from wirewatch.embedded import embedded_kafka_env

            env.update(embedded_kafka_env(base))
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
        if settings.web.enabled:  # the search page, on loopback unless configured
            children.append(Child("web", [*exe, "web"], log_dir, env))
        rotate_out_files(log_dir, [child.name for child in children])
        for child in children:
            child.start()
        published = _publish_demo(settings) if demo else 0
        if demo:
            console.print(f"published {published} demo articles to {settings.topic_prefix}articles.raw")
        _print_urls(settings, embedded, children, log_dir, webhook=connectors)
        from wirewatch.readiness import SearchableWatch

        watch = SearchableWatch(settings, console, expected=published, worker_log=log_dir / "worker-1.log")
        watched: list[Supervised] = [*embedded, *children]
        while not stop.wait(0.5):
            watch.tick()
            for process in watched:
                process.check()
    finally:  # a WirewatchError goes on to the CLI's edge once everything is stopped
        from wirewatch.processes import terminate_all

        # the children at once (each worker's stop is bounded: worker.stop_timeout_s), then the servers
        terminate_all(child.process for child in children if child.process is not None)
        for service in reversed(embedded):
            service.stop()
        if stop.is_set():
            console.print("stopped.")


BROKER = "Kafka broker (embedded Tansu)"
SEARCH = "search engine (embedded osmem)"


def _embedded_services(base: Settings, log_dir: Path) -> list[EmbeddedService]:
    """The embedded servers to start: those whose URL is not configured."""
    from wirewatch.embedded import start_broker, start_search

    cfg = base.embedded
    services = []
    if base.kafka_bootstrap is None:
        services.append(EmbeddedService(
            BROKER, lambda: start_broker(cfg.host, cfg.kafka_port, log_dir=log_dir, timeout=cfg.startup_timeout_s),
            lost="topics, messages and committed offsets", setup=_no_setup))
    if base.es_url is None:
        services.append(EmbeddedService(
            SEARCH, lambda: start_search(cfg.host, cfg.es_port, log_dir=log_dir, timeout=cfg.startup_timeout_s,
                                        embedded=cfg),
            lost="the indices and every document in them", setup=_no_setup))
    return services


def _no_setup() -> None:
    """Until the first setup ran, a restart has nothing to re-create."""


def _print_urls(settings: Settings, embedded: list[EmbeddedService], children: list[Child], log_dir: Path, *,
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
    if settings.web.enabled:
        console.print(f"  Search page     : [bold]{settings.web.url}[/]")
    names = [s.name for s in embedded] + [c.name for c in children]
    console.print(f"  Supervised      : {', '.join(names)} (logs in {log_dir.resolve()})")
    for child in children:
        if child.metrics_url:
            console.print(f"  Metrics         : {child.metrics_url}  ({child.name})")
    console.print("  Try             : wirewatch search 'drone' --subtype AIR_STRIKE")
    console.print("Press Ctrl-C to stop.")
