"""``wirewatch connectors``: run the inbox, feed poller and webhook until Ctrl-C/SIGTERM."""

from __future__ import annotations

import sys

import click


@click.command()
@click.option("--feeds", "feeds_file", type=click.Path(dir_okay=False), default=None,
              help="feeds YAML file (overrides WIREWATCH_CONNECTORS__FEEDS_FILE)")
@click.option("--webhook/--no-webhook", default=None,
              help="serve POST /articles (overrides WIREWATCH_CONNECTORS__WEBHOOK_ENABLED)")
def connectors(feeds_file: str | None, webhook: bool | None) -> None:
    """Run every configured connector in the foreground until Ctrl-C or SIGTERM.

    Files dropped into the inbox folder are published and moved to done/ or
    failed/; feeds in the feeds file are polled; the webhook accepts articles.
    """
    from pathlib import Path

    from connectors.errors import ConnectorError
    from connectors.service import ConnectorService
    from core.logging import configure_logging
    from core.metrics import start_metrics_server
    from core.settings import get_settings
    from wirewatch.processes import stop_requested, stop_with_parent

    settings = get_settings()
    configure_logging(settings)
    start_metrics_server(settings.connectors.metrics_port, settings.metrics_addr,
                         setting="WIREWATCH_CONNECTORS__METRICS_PORT")
    updates: dict[str, object] = {}
    if feeds_file is not None:
        updates["feeds_file"] = Path(feeds_file)
    if webhook is not None:
        updates["webhook_enabled"] = webhook
    if updates:
        settings = settings.model_copy(
            update={"connectors": settings.connectors.model_copy(update=updates)}
        )
    stop = stop_requested()
    stop_with_parent()
    service = ConnectorService(settings)
    try:
        service.start()
    except OSError as exc:  # e.g. the webhook port is taken
        raise ConnectorError(f"cannot start the connectors: {exc}") from exc
    if sys.stderr.isatty():  # a person is watching; logs (JSON, no prose) say it otherwise
        click.echo(f"connectors running ({', '.join(c.name for c in service.connectors)}); "
                   f"inbox: {settings.inbox_dir}; Ctrl-C to stop", err=True)
    try:
        while not stop.wait(0.5):
            if service.failed():
                break
    finally:
        service.stop()
    sys.exit(1 if service.failed() else 0)
