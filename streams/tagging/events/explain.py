"""Why each event was found: the report behind ``wirewatch tag --explain``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from spacy.tokens import Doc

from schemas import Entity, Place, TaggedArticle
from streams.tagging.config import load_config
from streams.tagging.events.extractor import EventExtractor
from streams.tagging.shared.text import ArticleText

# Drop reasons too common to be worth a line in the explanation.
_UNREMARKABLE = {"no context cue", "no argument cue"}


def explain_tagged(nlp: Any, article: TaggedArticle,
                   extractor: EventExtractor | None = None) -> list[dict[str, Any]]:
    """:func:`explain_events` for an article already tagged (re-parses its text with ``nlp``).

    Costs one extra parse: meant for ``wirewatch tag --explain``, not the stream.
    """
    text = ArticleText(title=article.title, body=article.body)
    return explain_events(nlp(text.text), text, article_id=article.id, entities=article.entities,
                          places=article.places,  # as tagged: roles.MentionIndex reads named_places
                          published_at=article.published_at, fetched_at=article.fetched_at,
                          extractor=extractor)


def format_explanation(report: list[dict[str, Any]]) -> list[str]:
    """Readable lines for an :meth:`EventExtractor.explain` report, one block per sentence."""
    lines: list[str] = []
    for entry in report:
        lines.append(f"sentence: {entry['sentence']}")
        for e in entry["events"]:
            extra = f"; {e['note']}" if e.get("note") else ""
            lines.append(
                f"  + {e['category']}/{e['subtype']} mode={e['mode']} trigger={e['trigger']!r} "
                f"rule={e['rule']} cues={e['cues']} confidence={e['confidence']} "
                f"actors={e['actors']} targets={e['targets']} places={e['place_ids']} "
                f"date={e['date']}{extra}"
            )
        for d in entry["dropped"]:
            if d["reason"] in _UNREMARKABLE:
                continue
            lines.append(f"  - {d['rule']}: {d['trigger']!r} dropped ({d['reason']})")
    return lines


def explain_events(doc: Doc, text: ArticleText, *, article_id: str, entities: list[Entity],
                   places: list[Place], published_at: datetime | None,
                   extractor: EventExtractor | None = None,
                   fetched_at: datetime | None = None) -> list[dict[str, Any]]:
    """:meth:`EventExtractor.explain` with ``extractor`` (default: the bundled pipeline's)."""
    if extractor is None:
        extractor = EventExtractor.from_config(load_config().component("events"))
    return extractor.explain(
        doc, text, article_id=article_id, entities=entities, places=places,
        published_at=published_at, fetched_at=fetched_at,
    )
