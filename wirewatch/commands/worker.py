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
    from core.lifecycle import StopDeadline
    from core.logging import configure_logging
    from core.settings import get_settings
    from streams.agents.batches import start_loading_tagger
    from wirewatch.processes import stop_with_parent

    settings = get_settings()
    if loglevel:
        settings = settings.model_copy(update={"log_level": {"warn": "WARNING"}.get(loglevel, loglevel.upper())})
    configure_logging(settings)

    from streams.agents.runner import EXIT_RESTART

    deadline = StopDeadline(settings.worker.stop_timeout_s, code=EXIT_RESTART,
                            consequence="what it had not acknowledged is processed again when a worker restarts")
    stop_with_parent(deadline.arm)

    from core.metrics import start_metrics_server
    from streams.worker import BoundedWorker, app

    # spaCy and the tagging data load on the tagging thread from now on, while faust
    # starts and the consumer joins its group (~1 s of waiting for the broker). Not
    # before the imports above: both threads share the interpreter lock, so loading
    # meanwhile only delayed faust's start, and with it the join, by the load's ~1 s.
    start_loading_tagger(settings)
    start_metrics_server(settings.worker.metrics_port, settings.metrics_addr)
    # Our handler (JSON in containers, text on a terminal) stays the only one.
    faust_worker = BoundedWorker(app, loglevel=settings.log_level.lower().replace("warning", "warn"),
                                 quiet=True, override_logging=False, deadline=deadline)
    # faust's startup spinner writes backspaces and cursor codes to stdout even
    # when it is a file, which glued them to the next JSON log line.
    faust_worker.spinner = None
    faust_worker.execute_from_commandline()
