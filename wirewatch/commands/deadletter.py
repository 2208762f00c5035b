"""``wirewatch deadletter list|replay``: what could not be processed, and sending it back."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table


@click.group()
def deadletter() -> None:
    """Inspect the dead-letter topic and replay letters to their source topics."""


def _matches(stage: tuple[str, ...], error_class: tuple[str, ...]):
    def select(letter) -> bool:
        envelope = letter.envelope
        return envelope is not None and (not stage or envelope.stage in stage) and \
            (not error_class or envelope.error_class in error_class)
    return select


@deadletter.command(name="list")
@click.option("--stage", multiple=True, help="only letters from this stage: validate, tag, index (repeatable)")
@click.option("--error-class", multiple=True, help="only letters with this error class (repeatable)")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="one JSON object per letter (value as UTF-8 text)")
def list_letters(stage: tuple[str, ...], error_class: tuple[str, ...], limit: int, as_json: bool) -> None:
    """List dead letters, oldest first, with why they failed and where they came from."""
    from core.settings import get_settings
    from wirewatch.deadletters import DeadLetterReader

    select = _matches(stage, error_class)
    table = Table(title="dead letters")
    for column in ("at", "stage", "error", "message", "source", "key"):
        table.add_column(column, overflow="fold")
    shown = 0
    with DeadLetterReader(get_settings()) as reader:
        for letter in reader.letters():
            if (stage or error_class) and not select(letter):
                continue
            envelope = letter.envelope
            key = letter.key.decode("utf-8", "replace") if letter.key else ""
            if as_json:
                click.echo(json.dumps({
                    "partition": letter.partition, "offset": letter.offset, "key": key,
                    "envelope": envelope.model_dump() if envelope else None,
                    "value": (letter.value or b"").decode("utf-8", "replace"),
                }))
            elif envelope is None:
                table.add_row(f"{letter.partition}@{letter.offset}", "?", "?", "(no readable headers)", "", key)
            else:
                table.add_row(f"{letter.partition}@{letter.offset}", envelope.stage, envelope.error_class,
                              envelope.error_message[:200],
                              f"{envelope.source_topic}[{envelope.source_partition}]@{envelope.source_offset}", key)
            shown += 1
            if shown >= limit:
                break
    if not as_json:
        Console().print(table)


@deadletter.command(name="replay")
@click.option("--stage", multiple=True, help="only letters from this stage (repeatable)")
@click.option("--error-class", multiple=True, help="only letters with this error class (repeatable)")
@click.option("--dry-run", is_flag=True, help="show what would be replayed; send and commit nothing")
@click.option("--from-start", is_flag=True, help="consider every letter, also ones replayed before")
def replay_letters(stage: tuple[str, ...], error_class: tuple[str, ...], dry_run: bool, from_start: bool) -> None:
    """Send letters' original bytes back to their source topics (after fixing the cause).

    Letters are replayed once: the replay keeps its own consumer-group offsets.
    A letter that fails again comes back as a new dead letter.
    """
    from core.settings import get_settings
    from wirewatch.deadletters import replay

    replayed = replay(get_settings(), select=_matches(stage, error_class), dry_run=dry_run,
                      from_start=from_start)
    verb = "would replay" if dry_run else "replayed"
    by_topic: dict[str, int] = {}
    for letter in replayed:
        assert letter.envelope is not None
        by_topic[letter.envelope.source_topic] = by_topic.get(letter.envelope.source_topic, 0) + 1
    summary = ", ".join(f"{n} to {topic}" for topic, n in sorted(by_topic.items())) or "nothing"
    click.echo(f"{verb} {len(replayed)} letters: {summary}", err=True)
