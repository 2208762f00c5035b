"""The filter options ``wirewatch search`` and ``wirewatch events`` share, and the Query they build."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import click

from wirewatch.searching.codes import UnknownCode, check_codes
from wirewatch.searching.dates import DATE_HELP, BadDate, time_range
from wirewatch.searching.query import MAX_PAGE_SIZE, Query


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Text mode, filters, dates, order and paging options, shared by both commands."""
    options = [
        click.argument("query", nargs=-1),
        click.option("--any", "any_word", is_flag=True, help="any word may match (default: all must)"),
        click.option("--lucene", is_flag=True, help="the query is Lucene query_string syntax"),
        click.option("--category", multiple=True, help="PLOVER category, e.g. ASSAULT (repeatable; see wirewatch codes)"),
        click.option("--subtype", multiple=True, help="subtype code, e.g. AIR_STRIKE (repeatable; see wirewatch codes)"),
        click.option("--mode", "modes", multiple=True, help="PLOVER mode, e.g. drone (repeatable)"),
        click.option("--place", multiple=True, help="place name, ISO country code or GeoNames id (repeatable)"),
        click.option("--person", multiple=True, help="person name, full or part (repeatable)"),
        click.option("--since", help=f"on or after: {DATE_HELP}"),
        click.option("--until", help="through the end of this day (same forms as --since)"),
        click.option("--sort", type=click.Choice(["date", "relevance"]), default=None,
                     help="default: relevance with query text, date without"),
        click.option("--page", type=click.IntRange(1, 10_000), default=1, show_default=True),
        click.option("--limit", type=click.IntRange(1, MAX_PAGE_SIZE), default=10, show_default=True,
                     help="results per page"),
        click.option("--facets", is_flag=True, help="also print top places, people, subtypes and a day histogram "
                     "(with --format json: a last line {\"_facets\": ...})"),
        click.option("--format", "output", type=click.Choice(["table", "json", "csv"]), default="table",
                     show_default=True, help="json: one document per line"),
        click.option("--json", "as_json", is_flag=True, help="same as --format json"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def build_query(params: dict[str, Any], *, now: datetime | None = None, **extra: Any) -> Query:
    """The Query for the parsed options; bad codes and dates are usage errors (exit 2)."""
    if params["any_word"] and params["lucene"]:
        raise click.UsageError("--any and --lucene do not go together: write OR in the Lucene query")
    try:
        categories = check_codes("category", params["category"])
        subtypes = check_codes("subtype", params["subtype"])
    except UnknownCode as exc:
        raise click.BadParameter(str(exc), param_hint="--category/--subtype") from None
    try:
        time = time_range(params["since"], params["until"], now=now or datetime.now(UTC))
    except BadDate as exc:
        raise click.BadParameter(str(exc), param_hint="--since/--until") from None
    return Query(
        text=" ".join(params["query"]),
        match="lucene" if params["lucene"] else "any" if params["any_word"] else "all",
        categories=categories, subtypes=subtypes, modes=tuple(m.lower() for m in params["modes"]),
        places=tuple(params["place"]), persons=tuple(params["person"]), time=time, sort=params["sort"],
        page=params["page"], size=params["limit"], facets=params["facets"], **extra,
    )


def output_format(params: dict[str, Any]) -> str:
    return "json" if params["as_json"] else params["output"]
