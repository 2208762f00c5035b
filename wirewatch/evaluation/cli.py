"""The ``wirewatch eval`` group; each evaluation registers its subcommand here."""

from __future__ import annotations

import click

from wirewatch.cli import LazyGroup

# subcommand -> "module:attribute" of a click command
EVALUATIONS: dict[str, str] = {
    "ner": "wirewatch.evaluation.ner:ner",
    "places": "wirewatch.evaluation.places:places",
    "events": "wirewatch.evaluation.events:events",
}


@click.group(name="eval", cls=LazyGroup, lazy_commands=EVALUATIONS)
def eval_group() -> None:
    """Score the tagger on the development sets in ../shared/eval."""
