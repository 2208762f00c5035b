"""``wirewatch codes``: the category and subtype codes the filters accept."""

from __future__ import annotations

import click


@click.command()
@click.option("--kind", type=click.Choice(["category", "subtype"]), default=None, help="only one kind")
def codes(kind: str | None) -> None:
    """Print the PLOVER categories and the subtype codes, one per line under each heading."""
    from wirewatch.searching.codes import CODE_KINDS

    for name, values in CODE_KINDS.items():
        if kind in (None, name):
            click.echo(f"{name} codes (--{name}):")
            for value in values:
                click.echo(f"  {value}")
