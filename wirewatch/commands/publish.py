"""``wirewatch publish PATH...``: publish articles from files, folders, feed URLs or OPML."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from connectors.feed_config import FullPages

PROGRESS_MIN_BYTES = 1_000_000
"""Inputs at least this large get a progress bar."""


def _is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def _input_bytes(targets: list[str]) -> int:
    from connectors.files import expand_paths

    files = expand_paths(Path(t) for t in targets if not _is_url(t))
    return sum(p.stat().st_size for p in files if p.is_file())


def _results(targets: list[str], full_pages: FullPages) -> Iterator:
    from connectors.backfill import read_feed_url, read_opml
    from connectors.files import read_paths

    for target in targets:
        if _is_url(target):
            yield from read_feed_url(target, full_pages=full_pages)
        elif target.lower().endswith(".opml"):
            yield from read_opml(Path(target), full_pages=full_pages)
        else:
            yield from read_paths([Path(target)])


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--full-pages",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="for feeds: fetch the linked pages (auto: when entries carry only a summary)",
)
@click.option("--topic", default=None, help="topic to publish to (default: {prefix}articles.raw)")
def publish(paths: tuple[str, ...], full_pages: FullPages, topic: str | None) -> None:
    """Publish articles from .jsonl, .json, .txt or .html files or folders,
    an RSS/Atom feed URL, or an OPML file of feeds (one-shot backfill).

    Prints each bad item with its file and line; exits 1 if anything failed.
    """
    from connectors.errors import DeliveryError
    from connectors.items import ItemError
    from connectors.publisher import ArticlePublisher
    from core.settings import get_settings

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # kafka-python logs every reconnect attempt; our own errors say what matters
    logging.getLogger("kafka").setLevel(logging.CRITICAL)
    err = Console(stderr=True)
    targets = list(paths)
    missing = [t for t in targets if not _is_url(t) and not Path(t).exists()]
    for target in missing:
        err.print(f"[red]error[/]: {escape(target)}: no such file or folder", soft_wrap=True)
    targets = [t for t in targets if t not in missing]
    total = _input_bytes(targets)
    published, failed = 0, len(missing)
    publisher = ArticlePublisher(get_settings(), topic=topic)  # ConnectorError: the CLI's edge
    progress = Progress(
        TextColumn("[bold]publishing"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("· {task.fields[items]} articles"),
        TimeElapsedColumn(),
        console=err,
        disable=total < PROGRESS_MIN_BYTES,
    )
    with progress:
        task = progress.add_task("publish", total=total or None, items=0)
        for result in _results(targets, full_pages):
            if isinstance(result, ItemError):
                failed += 1
                progress.console.print(
                    f"[red]error[/]: {escape(str(result))}", soft_wrap=True, highlight=False
                )
            else:
                publisher.publish(result.article)
                published += 1
            progress.update(task, advance=result.nbytes, items=published)
    try:
        publisher.flush()
    except DeliveryError as exc:
        published -= len(exc.undelivered)
        failed += len(exc.undelivered)
        err.print(f"[red]error[/]: {escape(str(exc))}", soft_wrap=True)
    finally:
        publisher.close()
    colour = "red" if failed else "green"
    Console().print(f"[{colour}]published {published}, failed {failed}[/] → {publisher.topic}")
    sys.exit(1 if failed else 0)
