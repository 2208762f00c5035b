"""``wirewatch worker``: run the stream processors against the configured broker."""

from __future__ import annotations

import click


@click.command()
@click.option("--loglevel", type=click.Choice(["debug", "info", "warn", "error"]), default=None,
              help="log level (default: WIREWATCH_LOG_LEVEL)")
def worker(loglevel: str | None) -> None:
    """Run the faust worker: tag raw articles, index tagged articles and events.

    Start several (here or on other hosts) to share the partitions; each
    partition is processed by one worker of the consumer group at a time.
    """
    from faust.worker import Worker

    from streams.worker import app
    from wirewatch.settings import get_settings

    settings = get_settings()
    level = loglevel or {"WARNING": "warn"}.get(settings.log_level, settings.log_level.lower())
    Worker(app, loglevel=level, quiet=True).execute_from_commandline()
