"""``wirewatch search QUERY``: search the articles index from the terminal.

All words must match unless ``--any``; quoted phrases match as phrases;
``--lucene`` passes query_string syntax through. Copies of one story collapse
into one line with their count (``--all`` lists them). See
``wirewatch/searching`` for the query builder the page uses too.
"""

from __future__ import annotations

import click

from wirewatch.commands.search_options import build_query, filter_options, output_format


@click.command()
@filter_options
@click.option("--all", "expand", is_flag=True, help="list every copy of a story instead of collapsing them")
def search(expand: bool, **params) -> None:
    """Search tagged articles: free text plus filters."""
    from rich.console import Console

    from core.search_client import make_client
    from core.settings import get_settings
    from wirewatch.searching.render import print_page
    from wirewatch.searching.service import Searcher

    query = build_query(params, expand=expand)
    settings = get_settings()
    client = make_client(settings)
    try:
        page = Searcher(client, settings).articles(query)
    finally:
        client.close()
    print_page(page, output_format(params), Console(), Console(stderr=True))
