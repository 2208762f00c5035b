"""``wirewatch tag``: tag RawArticle JSON lines offline, no broker needed.

It takes what ``wirewatch publish`` takes: files and folders as arguments
(``.jsonl``, ``.json``, ``.txt``, ``.html``, read by ``connectors.files``), or
JSON lines on stdin / ``--input``. JSON records need no ``id``, ``source`` or
``fetched_at``: they are filled in exactly as publish fills them
(``connectors.records.build_article``).

One TaggedArticle JSON line out per article in, in the same order. An input
that is not a valid article produces an error on stderr and an
``{"error": ..., "line": N}`` line on the output, so line numbers stay aligned.
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

ARTICLE_FILE_SUFFIXES = (".txt", ".html", ".htm", ".json")


def _read(lines: IO[str]) -> Iterator[tuple[int, RawArticle | Exception]]:
    from connectors.files import file_source
    from connectors.records import RecordError, build_article
    from schemas import utcnow

    name = getattr(lines, "name", "-")
    if name not in ("-", "<stdin>") and Path(name).suffix.lower() in ARTICLE_FILE_SUFFIXES:
        yield from _read_paths([Path(name)])
        return
    source = "file:stdin" if name in ("-", "<stdin>") else file_source(Path(name))
    fetched_at = utcnow()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            yield number, ValueError("empty line")
            continue
        try:
            yield number, build_article(json.loads(line), source=source, fetched_at=fetched_at)
        except json.JSONDecodeError as exc:
            yield number, ValueError(f"invalid JSON: {exc.msg} at column {exc.colno}")
        except RecordError as exc:
            yield number, ValueError(f"invalid record: {exc}")


def _read_paths(paths: list[Path]) -> Iterator[tuple[int, RawArticle | Exception]]:
    from connectors.files import read_paths
    from connectors.items import Item

    for number, result in enumerate(read_paths(paths), start=1):
        yield number, result.article if isinstance(result, Item) else ValueError(str(result))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--input", "input_file", type=click.File("r", encoding="utf-8"), default="-",
              help="RawArticle JSON lines (default: stdin)")
@click.option("--output", "output_file", type=click.File("w", encoding="utf-8"), default="-",
              help="TaggedArticle JSON lines (default: stdout)")
@click.option("--batch-size", type=int, default=32, show_default=True)
@click.option("--explain", is_flag=True,
              help="also print, on stderr, why each place got its reading (top-3 candidates with "
                   "scores) and why each entity and each event got its type")
def tag(paths: tuple[Path, ...], input_file: IO[str], output_file: IO[str], batch_size: int,
        explain: bool) -> None:
    """Tag articles from files or folders (as publish reads them) or JSON lines; one line out per article."""
    from core.limits import max_output_bytes
    from core.settings import get_settings
    from streams.agents.batches import tag_isolated
    from streams.tagging import Tagger

    settings = get_settings()
    tagger = Tagger(settings.spacy_model, max_chars=settings.tag_max_chars,
                    max_output_bytes=max_output_bytes(settings))
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

    for entry in (_read_paths(list(paths)) if paths else _read(input_file)):
        pending.append(entry)
        if len(pending) >= batch_size:
            flush()
    flush()
    if failures:
        sys.exit(1)


def _explain(tagger, tagged) -> None:
    """Print, on stderr, why each place got its reading, each entity and each sentence's events their types."""
    from streams.tagging.entities import EntityExtractor
    from streams.tagging.entities.explain import explain_entities
    from streams.tagging.events import EventExtractor
    from streams.tagging.events.explain import explain_tagged, format_explanation
    from streams.tagging.places import PlaceResolver
    from streams.tagging.places.demonyms import explain_demonyms
    from streams.tagging.places.explain import explain_tagged_places, format_places

    places = tagger.component("places")
    if isinstance(places, PlaceResolver):
        for line in format_places(explain_tagged_places(tagger.nlp, tagged, places)):
            click.echo(line, err=True)
    for line in explain_demonyms(tagged):  # countries named by their people ("Kenyan police")
        click.echo(line, err=True)

    entities = tagger.component("entities")
    if isinstance(entities, EntityExtractor):
        for line in explain_entities(tagger.nlp, tagged, entities):
            click.echo(line, err=True)

    events = tagger.component("events")  # the taxonomy the tagger itself used
    extractor = events if isinstance(events, EventExtractor) else None
    for line in format_explanation(explain_tagged(tagger.nlp, tagged, extractor)):
        click.echo(line, err=True)
