"""What the whole tagger reads as places in a text: shared by the place tests that tag whole articles."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import RawArticle, TaggedArticle
from streams.tagging.tagger import Tagger


def tag_body(tagger: Tagger, body: str) -> TaggedArticle:
    """The tagged article of a body with no title, published on 3 March 2026."""
    return tagger.tag(RawArticle(id="e" * 32, source="file:test", body=body,
                                 fetched_at=datetime(2026, 3, 3, tzinfo=UTC)))


def places(tagger: Tagger, body: str) -> dict[str, tuple[str, str | None, str]]:
    """Mention text -> (place name, country code, feature)."""
    return {m.text: (p.name, p.country_code, p.feature) for p in tag_body(tagger, body).places for m in p.mentions}
