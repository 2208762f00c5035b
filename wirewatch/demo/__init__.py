"""The demo articles bundled with wirewatch (``wirewatch up --demo``).

The texts in ``articles.jsonl`` are original, fictional wire-style reports
written for this project (see ``README.md`` next to this file). Each line is a
RawArticle without ``id`` and ``fetched_at``; :func:`demo_articles` fills both
in so the file stays easy to edit by hand.
"""

from __future__ import annotations

import json
from importlib import resources

from connectors.records import RecordError, build_article
from core.jsonlines import read_json_lines
from schemas import RawArticle, utcnow

DEFAULT_RESOURCE = "articles.jsonl"

__all__ = ["DEFAULT_RESOURCE", "demo_articles", "parse_demo_lines"]


def parse_demo_lines(lines: list[str], *, origin: str = DEFAULT_RESOURCE) -> list[RawArticle]:
    """Turns JSON lines into validated RawArticles.

    Records are filled by :func:`connectors.records.build_article`, as for
    any connector: a missing ``id`` comes from the canonical URL (or title and
    body); a missing ``fetched_at`` is one load time shared by the whole call.

    Args:
        lines: JSON object lines; blank lines are skipped.
        origin: name used in error messages.

    Returns:
        The articles, in file order.

    Raises:
        ValueError: a line is not a JSON object or does not validate as a
            RawArticle; the message names the line number.
    """
    fetched_at = utcnow()
    articles: list[RawArticle] = []
    for line in read_json_lines(lines):
        number, record = line.number, line.value
        if isinstance(line.error, json.JSONDecodeError):
            raise ValueError(f"{origin} line {number}: not valid JSON ({line.error.msg})") from line.error
        if not isinstance(record, dict):
            raise ValueError(f"{origin} line {number}: expected a JSON object")
        try:
            # the connectors' record filling: same canonical URL and id as any other path
            articles.append(build_article(record, source="file:demo", fetched_at=fetched_at))
        except RecordError as exc:
            raise ValueError(f"{origin} line {number}: not a valid RawArticle: {exc}") from exc
    return articles


def demo_articles() -> list[RawArticle]:
    """The bundled demo articles, validated, in publication order.

    Returns:
        One RawArticle per line of ``wirewatch/demo/articles.jsonl``.
    """
    text = resources.files(__name__).joinpath(DEFAULT_RESOURCE).read_text(encoding="utf-8")
    return parse_demo_lines(text.splitlines())
