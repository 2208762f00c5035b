"""``wirewatch webhook``: serve ``POST /articles`` (and ``GET /health``) until Ctrl-C."""

from __future__ import annotations

import sys

import click


@click.command()
@click.option("--host", default=None, help="address to bind (default: connectors.webhook_host)")
@click.option("--port", type=int, default=None, help="port (default: connectors.webhook_port; 0 = any)")
def webhook(host: str | None, port: int | None) -> None:
    """Accept articles over HTTP and publish them to {prefix}articles.raw.

    POST one RawArticle-like JSON object or a list to /articles with
    `Authorization: Bearer $WIREWATCH_CONNECTORS__WEBHOOK_TOKEN`; a 202 lists the ids.
    """
    from connectors.errors import ConnectorError
    from connectors.publisher import ArticlePublisher
    from connectors.webhook import WebhookConnector
    from core.logging import configure_logging
    from core.metrics import start_metrics_server
    from core.settings import get_settings
    from wirewatch.processes import stop_requested

    settings = get_settings()
    configure_logging(settings)
    start_metrics_server(settings.connectors.metrics_port, settings.metrics_addr,
                         setting="WIREWATCH_CONNECTORS__METRICS_PORT")
    updates = {k: v for k, v in {"webhook_host": host, "webhook_port": port}.items() if v is not None}
    if updates:
        settings = settings.model_copy(
            update={"connectors": settings.connectors.model_copy(update=updates)}
        )
    stop = stop_requested()
    try:
        publisher = ArticlePublisher(settings)
        server = WebhookConnector(settings, publisher)
        server.start()
    except OSError as exc:  # the port is taken or not ours to bind
        raise ConnectorError(f"cannot start the webhook: {exc}") from exc
    click.echo(f"webhook on http://{settings.connectors.webhook_host}:{server.port}/articles",
               err=True)
    try:
        while not stop.wait(0.5) and server.alive:
            pass
    finally:
        server.stop()
        server.join(10)
        publisher.close(10)
    sys.exit(1 if server.failed else 0)
