"""Results on a terminal: rich tables, CSV or JSON lines (one document per line)."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from wirewatch.searching.results import ArticleHit, EventHit, Facets, SearchPage

_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def html_to_rich(text: str) -> str:
    """Engine or computed highlights (escaped HTML with ``<mark>``) as rich markup."""
    out, last = [], 0
    for match in _MARK.finditer(text):
        out.append(escape(html.unescape(text[last:match.start()])))
        out.append(f"[bold yellow]{escape(html.unescape(match.group(1)))}[/]")
        last = match.end()
    out.append(escape(html.unescape(text[last:])))
    return "".join(out)


def parties(event: EventHit) -> str:
    """``actor → target`` with readable names."""
    actors = ", ".join(event.actor_names) or "?"
    targets = ", ".join(event.target_names)
    return f"{actors} → {targets}" if targets else actors


def summary(page: SearchPage) -> str:
    """``11–20 of 18 stories (119 articles), by date``."""
    shown = len(page.hits)
    if not shown:
        return f"no {page.kind} match (page {page.page})"
    first = (page.page - 1) * page.size + 1 if shown else 0
    noun = "events" if page.kind == "events" else "articles"
    if page.stories is not None:
        count = f"{page.stories} stories ({page.total} {noun})"
    else:
        count = f"{page.total} {noun}"
    return f"{first}–{first + shown - 1 if shown else 0} of {count}, page {page.page}, by {page.order}"


def unmatched_note(page: SearchPage) -> str | None:
    missing = page.unmatched
    if not missing:
        return None
    noun = "event" if page.kind == "events" else "article"
    counts = ", ".join(f"{t!r}: {n}" for t, n in page.term_counts.items())
    return f"no {noun} matches {' or '.join(repr(t) for t in missing)} on its own ({counts})"


def print_articles(page: SearchPage, console: Console) -> None:
    table = Table(title=summary(page), show_lines=True)
    table.add_column("published", no_wrap=True)
    table.add_column("article", overflow="fold", ratio=3)
    table.add_column("places", overflow="fold", ratio=1)
    table.add_column("events", overflow="fold", ratio=1)
    for hit in page.hits:
        assert isinstance(hit, ArticleHit)
        copies = f" [dim](×{hit.copies} copies)[/]" if hit.copies > 1 else ""
        text = f"[bold]{html_to_rich(hit.title_html or escape(hit.title))}[/]{copies}"
        if hit.snippet_html:
            text += f"\n{html_to_rich(hit.snippet_html)}"
        text += f"\n[dim]{hit.id}[/]"
        table.add_row((hit.published_at or "")[:10], text, escape(", ".join(hit.place_names[:4])),
                      ", ".join(hit.subtypes or hit.categories))
    console.print(table)


def print_events(page: SearchPage, console: Console) -> None:
    table = Table(title=summary(page), show_lines=True)
    table.add_column("date", no_wrap=True)
    table.add_column("subtype", no_wrap=True)
    table.add_column("actor → target", overflow="fold", ratio=1)
    table.add_column("place", overflow="fold", ratio=1)
    table.add_column("sentence", overflow="fold", ratio=3)
    for hit in page.hits:
        assert isinstance(hit, EventHit)
        table.add_row(hit.date or f"({(hit.published_at or '')[:10]})", hit.subtype or hit.category,
                      escape(parties(hit)), escape(", ".join(hit.place_names[:3])),
                      f"{html_to_rich(hit.sentence_html)}\n[dim]article {hit.article_id}[/]")
    console.print(table)


def print_facets(facets: Facets, console: Console) -> None:
    for name, buckets in facets.fields.items():
        if buckets:
            console.print(f"[bold]{name}[/]: " + ", ".join(f"{escape(b.key)} ({b.count})" for b in buckets))
    if facets.days:
        top = max(b.count for b in facets.days)
        console.print("[bold]per day[/]:")
        for bucket in facets.days:
            bar = "█" * max(1, round(20 * bucket.count / top))
            console.print(f"  {bucket.key} {bar} {bucket.count}")


def json_lines(page: SearchPage) -> list[str]:
    """One JSON document per hit (the indexed document for articles); facets last, when asked."""
    lines = []
    for hit in page.hits:
        if isinstance(hit, ArticleHit):
            lines.append(json.dumps({"_id": hit.id, "_score": hit.score, "copies": hit.copies, **hit.document}))
        else:
            lines.append(hit.model_dump_json())
    if page.facets is not None:
        lines.append(json.dumps({"_facets": page.facets.model_dump()}))
    return lines


def csv_text(page: SearchPage) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    if page.kind == "events":
        writer.writerow(["id", "date", "published_at", "category", "subtype", "mode", "actors", "targets",
                         "places", "trigger", "sentence", "article_id"])
        for e in page.hits:
            writer.writerow([e.id, e.date or "", e.published_at or "", e.category, e.subtype or "", e.mode or "",
                             ";".join(e.actors), ";".join(e.targets), ";".join(e.place_names), e.trigger or "",
                             e.sentence, e.article_id])
    else:
        writer.writerow(["id", "published_at", "title", "url", "copies", "places", "subtypes"])
        for a in page.hits:
            writer.writerow([a.id, a.published_at or "", a.title, a.url or "", a.copies,
                             ";".join(a.place_names), ";".join(a.subtypes)])
    return out.getvalue()


def print_page(page: SearchPage, output: str, console: Console, err: Console) -> None:
    """The page in the chosen format; notes (unmatched words) go to stderr for json/csv."""
    note = unmatched_note(page)
    if output == "json":
        for line in json_lines(page):
            click.echo(line)
    elif output == "csv":
        click.echo(csv_text(page), nl=False)
    else:
        (print_events if page.kind == "events" else print_articles)(page, console)
        if page.facets is not None:
            print_facets(page.facets, console)
    if note:
        (err if output != "table" else console).print(f"[yellow]note[/]: {escape(note)}")
