"""``wirewatch tag``: tag RawArticle JSON lines offline, no broker needed.

One TaggedArticle JSON line out per line in, in the same order. A line that is
not a valid RawArticle produces an error on stderr and an
``{"error": ..., "line": N}`` line on the output, so line numbers stay aligned.
An ``--input`` file ending in ``.txt``, ``.html`` or ``.json`` is read the way
``wirewatch publish`` reads it (a ``.txt`` file's first line is the title).
It runs exactly the code the stream worker runs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import click

from schemas import RawArticle

ARTICLE_FILE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json")


def _read(lines: IO[str]) -> Iterator[tuple[int, RawArticle | Exception]]:
    from streams.agents.batches import UndecodableMessage, decode_raw

    name = getattr(lines, "name", "-")
    if name != "-" and Path(name).suffix.lower() in ARTICLE_FILE_SUFFIXES:
        yield from _read_article_file(Path(name))
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            yield number, ValueError("empty line")
            continue
        try:
            yield number, decode_raw(line.encode("utf-8"))
        except UndecodableMessage as exc:
            yield number, exc


def _read_article_file(path: Path) -> Iterator[tuple[int, RawArticle | Exception]]:
    from connectors.files import read_file
    from connectors.items import Item

    for number, result in enumerate(read_file(path), start=1):
        yield number, result.article if isinstance(result, Item) else ValueError(str(result))


@click.command()
@click.option("--input", "input_file", type=click.File("r", encoding="utf-8"), default="-",
              help="RawArticle JSON lines (default: stdin)")
@click.option("--output", "output_file", type=click.File("w", encoding="utf-8"), default="-",
              help="TaggedArticle JSON lines (default: stdout)")
@click.option("--batch-size", type=int, default=32, show_default=True)
@click.option("--explain", is_flag=True, help="also print, on stderr, why each event got its type")
def tag(input_file: IO[str], output_file: IO[str], batch_size: int, explain: bool) -> None:
    """Tag RawArticle JSON lines; one TaggedArticle line out per line in."""
    from core.settings import get_settings
    from streams.agents.batches import tag_isolated
    from streams.tagging import Tagger

    settings = get_settings()
    tagger = Tagger(settings.spacy_model, max_chars=settings.tag_max_chars)
    failures = 0
    pending: list[tuple[int, RawArticle | Exception]] = []

    def flush() -> None:
        nonlocal failures
        articles = [item for _, item in pending if isinstance(item, RawArticle)]
        results = iter(tag_isolated(tagger, articles))
        for number, item in pending:
            result = next(results) if isinstance(item, RawArticle) else item
            if isinstance(result, Exception):
                failures += 1
                click.echo(f"line {number}: {type(result).__name__}: {result}", err=True)
                output_file.write(json.dumps({"error": str(result), "line": number}) + "\n")
                continue
            output_file.write(result.model_dump_json() + "\n")
            if explain:
                _explain(tagger, result)
        output_file.flush()
        pending.clear()

    for entry in _read(input_file):
        pending.append(entry)
        if len(pending) >= batch_size:
            flush()
    flush()
    if failures:
        sys.exit(1)


def _explain(tagger, tagged) -> None:
    """Print, on stderr, why each sentence's events got their types (and which triggers were dropped)."""
    from streams.tagging.events import EventExtractor
    from streams.tagging.events.explain import explain_tagged, format_explanation

    events = tagger.component("events")  # the taxonomy the tagger itself used
    extractor = events if isinstance(events, EventExtractor) else None
    for line in format_explanation(explain_tagged(tagger.nlp, tagged, extractor)):
        click.echo(line, err=True)
