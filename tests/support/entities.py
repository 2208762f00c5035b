"""Tagging a hand-written test article for the entity tests."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import RawArticle, TaggedArticle, article_id
from streams.tagging.tagger import Tagger


def tag(tagger: Tagger, body: str, title: str = "") -> TaggedArticle:
    return tagger.tag(RawArticle(id=article_id(body), source="test:entities", title=title, body=body,
                                 fetched_at=datetime(2026, 1, 1, tzinfo=UTC)))
