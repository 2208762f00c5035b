"""Tagging a test sentence and reading its events' roles back as the names the article writes."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Entity, Event, Place, RawArticle, TaggedArticle, article_id
from streams.tagging.tagger import Tagger

PUBLISHED = datetime(2026, 3, 12, 12, tzinfo=UTC)  # a Thursday: "on Tuesday" is 10 March


def tag(tagger: Tagger, body: str, title: str = "") -> TaggedArticle:
    article = RawArticle(id=article_id(None, title, body), source="test:roles", title=title, body=body,
                         published_at=PUBLISHED, fetched_at=PUBLISHED)
    return tagger.tag(article)


def events_tagger(factory: str, *, without: tuple[str, ...] = (), **options: object) -> Tagger:
    """A tagger whose events component is built by ``factory``, with ``options`` over the shipped
    ones and the data files ``without`` names left out (e.g. "arbiter": the hand overrule alone)."""
    from core.settings import get_settings
    from streams.tagging.config import PipelineConfig, load_config

    base = load_config().with_factory("events", factory).without_data("events", *without)
    return Tagger(get_settings().spacy_model, config=PipelineConfig(components=[
        c.model_copy(update={"options": {**c.options, **options}}) if c.name == "events" else c
        for c in base.components]))


def names(tagged: TaggedArticle, ids: list[str], *, lower: bool = False) -> set[str]:
    """Every way the article writes the ids: their names and mention texts."""
    items: dict[str, Entity | Place] = {e.id: e for e in tagged.entities}
    items.update({p.id: p for p in tagged.places})
    found = {n for i in ids for n in {items[i].name, *(m.text for m in items[i].mentions)}}
    return {n.lower() for n in found} if lower else found


def event(tagged: TaggedArticle, start: str, category: str | None = None) -> Event:
    """The most confident event of the sentence that starts with ``start``."""
    found = [e for e in tagged.events if e.sentence.text.startswith(start)
             and (category is None or e.category == category)]
    assert found, f"no event in the sentence starting {start!r}: {tagged.events}"
    return max(found, key=lambda e: e.confidence)
