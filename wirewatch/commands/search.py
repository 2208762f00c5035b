"""``wirewatch search QUERY``: search the articles index from the terminal."""

from __future__ import annotations

import json
from datetime import datetime

import click
from rich.console import Console
from rich.table import Table

from wirewatch.search_query import SearchFilters, build_query

SOURCE_FIELDS = ["id", "title", "url", "published_at", "source", "place_names", "persons",
                 "categories", "subtypes", "country_codes"]


def _day(_ctx, _param, value: str | None):
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("use ISO dates, e.g. 2026-03-01 or 2026-03-01T12:00:00Z") from None


@click.command()
@click.argument("query", nargs=-1)
@click.option("--category", multiple=True, help="PLOVER category, e.g. ASSAULT (repeatable)")
@click.option("--subtype", multiple=True, help="subtype code, e.g. AIR_STRIKE (repeatable)")
@click.option("--place", multiple=True, help="place name or ISO country code (repeatable)")
@click.option("--person", multiple=True, help="person name, full or part (repeatable)")
@click.option("--since", callback=_day, help="published on or after (ISO date)")
@click.option("--until", callback=_day, help="published on or before (ISO date)")
@click.option("--limit", type=click.IntRange(1, 10_000), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="print the hits as JSON lines")
def search(query: tuple[str, ...], category, subtype, place, person, since, until,
           limit: int, as_json: bool) -> None:
    """Search tagged articles: free text plus filters, newest first when no text is given."""
    from elasticsearch import ApiError, TransportError

    from core.errors import SearchError
    from core.search_client import make_client
    from core.settings import get_settings

    settings = get_settings()
    text = " ".join(query)
    filters = SearchFilters(tuple(category), tuple(subtype), tuple(place), tuple(person), since, until)
    client = make_client(settings)
    sort = None if text.strip() else [{"published_at": {"order": "desc", "missing": "_last"}}]
    try:
        response = client.search(index=f"{settings.index_prefix}articles", query=build_query(text, filters),
                                  size=limit, sort=sort, source_includes=None if as_json else SOURCE_FIELDS)
    except (ApiError, TransportError) as exc:
        raise SearchError(
            f"search on {settings.search_url} failed: {exc}. Is the stack up (wirewatch up) "
            "and WIREWATCH_ES_URL right?") from exc
    finally:
        client.close()
    hits = response["hits"]["hits"]
    if as_json:
        for hit in hits:
            click.echo(json.dumps({"_id": hit["_id"], "_score": hit.get("_score"), **hit["_source"]}))
        return
    _print_table(hits, response["hits"]["total"]["value"])


def _print_table(hits: list[dict], total: int) -> None:
    table = Table(title=f"{len(hits)} of {total} articles", show_lines=False)
    table.add_column("published", no_wrap=True)
    table.add_column("title", overflow="fold")
    table.add_column("places", overflow="fold")
    table.add_column("events", overflow="fold")
    for hit in hits:
        doc = hit["_source"]
        table.add_row(
            (doc.get("published_at") or "")[:10],
            doc.get("title") or "(untitled)",
            ", ".join((doc.get("place_names") or [])[:3]),
            ", ".join(doc.get("subtypes") or doc.get("categories") or []),
        )
    Console().print(table)
