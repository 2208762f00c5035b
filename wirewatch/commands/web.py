"""``wirewatch web``: serve the search page (``wirewatch up`` starts it as a child)."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default=None, help="address to listen on (default: WIREWATCH_WEB__HOST, loopback)")
@click.option("--port", type=click.IntRange(0, 65535), default=None, help="default: WIREWATCH_WEB__PORT (8080)")
def web(host: str | None, port: int | None) -> None:
    """Serve the search page with its map, timeline and live mode until Ctrl-C."""
    import uvicorn

    from core.settings import get_settings
    from wirewatch.web.app import create_app

    settings = get_settings()
    host = host or settings.web.host
    port = settings.web.port if port is None else port
    click.echo(f"search page on http://{host}:{port}/", err=True)
    # live-mode streams never end by themselves: give them 2 s to close on SIGTERM, then stop
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning", access_log=False,
                timeout_graceful_shutdown=2)
