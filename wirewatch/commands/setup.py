"""``wirewatch setup``: topics, index templates and aliases (and Kibana objects)."""

from __future__ import annotations

import click
from rich.console import Console

from core.settings import Settings, get_settings

console = Console(stderr=True)


def run_setup(settings: Settings, *, wait_s: float = 60.0) -> None:
    """Create whatever is missing; safe to re-run. Raises with a readable message on failure."""
    from core.search_client import make_client
    from wirewatch.search_setup import ensure_indices
    from wirewatch.topic_setup import ensure_topics

    created = ensure_topics(settings, wait_s=wait_s)
    console.print(f"topics on {settings.bootstrap}: " + (f"created {', '.join(created)}" if created else "all present"))
    client = make_client(settings, wait_s=wait_s)
    try:
        aliases = ensure_indices(settings, client, wait_s=wait_s)
    finally:
        client.close()
    console.print(f"index templates on {settings.search_url}: installed; "
                  + (f"created aliases {', '.join(aliases)}" if aliases else "aliases present"))
    if settings.kibana_url:
        from wirewatch.kibana import install_kibana_objects

        install_kibana_objects(settings)
        console.print(f"Kibana objects on {settings.kibana_url}: installed")


@click.command()
@click.option("--wait", "wait_s", type=float, default=60.0, show_default=True,
              help="seconds to wait for the broker and the search engine")
def setup(wait_s: float) -> None:
    """Create topics, index templates and aliases (and Kibana objects when a Kibana URL is set)."""
    run_setup(get_settings(), wait_s=wait_s)  # SetupError: the CLI's edge prints it
