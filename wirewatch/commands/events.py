"""``wirewatch events``: query the events index, or follow the events topic live.

Each event shows its date (the day the text fixes, else the day published, in
brackets), subtype, actor → target, place, and its sentence with the trigger
highlighted, with the id of its article. ``--follow`` applies the same
filters to the ``{prefix}events`` topic as messages arrive.
"""

from __future__ import annotations

import click

from wirewatch.commands.search_options import build_query, filter_options, output_format


@click.command()
@filter_options
@click.option("--actor", multiple=True, help="who did it: a name, country or entity id (repeatable)")
@click.option("--target", multiple=True, help="to whom: a name, country or entity id (repeatable)")
@click.option("--follow", is_flag=True, help="tail the events topic live, with the same filters")
@click.option("--replay", is_flag=True, help="with --follow: start at the beginning of the topic")
@click.option("--count", "max_count", type=click.IntRange(1), default=None,
              help="with --follow: stop after this many matching events")
def events(actor: tuple[str, ...], target: tuple[str, ...], follow: bool, replay: bool,
           max_count: int | None, **params) -> None:
    """Search sentence events by text, actor, target, category, subtype, mode, place and day."""
    from core.settings import get_settings

    query = build_query(params, actors=tuple(actor), targets=tuple(target))
    settings = get_settings()
    if follow:
        _follow(settings, query, output_format(params), replay, max_count)
        return
    from rich.console import Console

    from core.search_client import make_client
    from wirewatch.searching.render import print_page
    from wirewatch.searching.service import Searcher

    client = make_client(settings)
    try:
        page = Searcher(client, settings).events(query)
    finally:
        client.close()
    print_page(page, output_format(params), Console(), Console(stderr=True))


def _follow(settings, query, output: str, replay: bool, max_count: int | None) -> None:
    import json

    from rich.console import Console
    from rich.markup import escape

    from wirewatch.processes import stop_requested
    from wirewatch.searching.live import EventStream
    from wirewatch.searching.render import html_to_rich, parties
    from wirewatch.searching.results import event_hit

    if query.match == "lucene":
        raise click.UsageError("--lucene cannot be applied to the live stream; use words or phrases")
    console, err = Console(), Console(stderr=True)
    stop = stop_requested()
    seen = 0
    with EventStream(settings, replay=replay) as stream:
        err.print(f"following {stream.topic} (Ctrl-C to stop)")
        while not stop.is_set():
            for event in stream.poll(query):
                if output == "json":
                    click.echo(json.dumps(event))
                else:
                    hit = event_hit(event)
                    console.print(f"[bold]{hit.date or (hit.published_at or '')[:10]}[/] "
                                  f"[cyan]{hit.subtype or hit.category}[/] {escape(parties(hit))} "
                                  f"@ {escape(', '.join(hit.place_names) or '?')}: "
                                  f"{html_to_rich(hit.sentence_html)} [dim](article {hit.article_id})[/]")
                seen += 1
                if max_count is not None and seen >= max_count:
                    return
