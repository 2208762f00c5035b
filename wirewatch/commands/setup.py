"""``wirewatch setup``: topics, index templates, aliases, retention and users (and Kibana objects).

Two parts that fail apart: the core (everything ingestion needs) and the
Kibana objects. The production stack runs them as two services, so a Kibana
that is down or broken never holds up the connectors and workers.
"""

from __future__ import annotations

import click
from rich.console import Console

from core.settings import Settings, get_settings

console = Console(stderr=True)


def run_core_setup(settings: Settings, *, wait_s: float = 60.0) -> None:
    """Topics, index templates and aliases, lifecycle policies, roles and users; safe to re-run."""
    from core.search_client import detect_flavor, make_client
    from wirewatch.search_policies import install_policies
    from wirewatch.search_setup import ensure_indices
    from wirewatch.topic_setup import ensure_topics

    created = ensure_topics(settings, wait_s=wait_s)
    console.print(f"topics on {settings.bootstrap}: " + (f"created {', '.join(created)}" if created else "all present"))
    client = make_client(settings, wait_s=wait_s)
    try:
        aliases = ensure_indices(settings, client, wait_s=wait_s,
                                 notify=lambda line: console.print(f"[yellow]repair:[/] {line}"))
        console.print(f"index templates on {settings.search_url}: installed; "
                      + (f"created aliases {', '.join(aliases)}" if aliases else "aliases present"))
        report = install_policies(settings, client, detect_flavor(settings))
    finally:
        client.close()
    if report.lifecycle:
        console.print(f"lifecycle policies: {', '.join(report.lifecycle)} (rollover and retention, "
                      "deploy/elasticsearch/ilm)")
    if report.roles:
        console.print(f"roles: {', '.join(report.roles)}; users: {', '.join(report.users) or 'none'}")
    for skipped in report.skipped:
        console.print(f"skipped {skipped}")


def run_kibana_setup(settings: Settings) -> int:
    """Data views, saved searches, the map and the dashboard; returns how many objects."""
    from wirewatch.kibana import install_kibana_objects

    count = install_kibana_objects(settings)
    console.print(f"Kibana objects on {settings.kibana_url}: {count} installed")
    return count


def run_setup(settings: Settings, *, wait_s: float = 60.0, kibana_only: bool = False) -> None:
    """Create whatever is missing; safe to re-run. Raises with a readable message on failure.

    Args:
        settings: where everything is.
        wait_s: how long to wait for the broker and the search engine.
        kibana_only: skip the core; install only the Kibana objects.
    """
    if not kibana_only:
        run_core_setup(settings, wait_s=wait_s)
    if settings.kibana_url or kibana_only:
        run_kibana_setup(settings)  # without a URL it says which setting to set


@click.command()
@click.option("--wait", "wait_s", type=float, default=60.0, show_default=True,
              help="seconds to wait for the broker and the search engine")
@click.option("--kibana-only", is_flag=True,
              help="install only the Kibana objects (needs WIREWATCH_KIBANA_URL); the core is a separate step")
def setup(wait_s: float, kibana_only: bool) -> None:
    """Create topics, index templates, aliases, retention policies and users (and Kibana objects when a Kibana URL is set)."""
    run_setup(get_settings(), wait_s=wait_s, kibana_only=kibana_only)  # SetupError: the CLI's edge prints it
