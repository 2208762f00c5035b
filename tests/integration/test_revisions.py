"""A re-tagged article replaces its events, whichever agent writes first (real search engine)."""

from __future__ import annotations

import pytest

from core.search_client import make_client
from core.settings import Settings
from schemas import Event, EventMessage, Mention, TaggedArticle, utcnow
from streams.indexing.bulk import BulkWriter
from streams.indexing.documents import article_document, event_document, event_messages
from streams.indexing.revisions import (
    ArticleVersion,
    delete_stale_events,
    delete_superseded_events,
    superseded,
)
from wirewatch.search_setup import ensure_indices

pytestmark = pytest.mark.integration

BODY = "Protesters marched in Lima. Police arrested ten people. Talks resumed in Geneva."


def _article(revision: int | None, sentences: list[tuple[int, str]]) -> TaggedArticle:
    events = [Event(id=f"{'a' * 32}-{start}-{category.lower()}", category=category,
                    sentence=Mention(field="body", start=start, end=start + 10, text=BODY[start:start + 10]),
                    confidence=0.9) for start, category in sentences]
    return TaggedArticle(id="a" * 32, source="file:test", title="Lima", body=BODY, language="en",
                         fetched_at=utcnow(), events=events, story_id="a" * 32, tagged_at=utcnow(),
                         tagger_version="test", revision=revision)


def _events(article: TaggedArticle) -> list[EventMessage]:
    return event_messages(article)


def test_superseded_compares_revisions_then_event_sets():
    assert superseded(None, "e", 5, set())
    assert superseded(4, "e", 5, {"e"})
    assert not superseded(6, "e", 5, set())  # the article's newer version is not indexed yet
    assert superseded(5, "e", 5, {"f"}) and not superseded(5, "e", 5, {"e"})
    assert not superseded(4, "e", None, set())  # an article tagged offline replaces nothing


@pytest.fixture
def indexed(isolated_settings: Settings):
    client = make_client(isolated_settings)
    ensure_indices(isolated_settings, client, wait_s=10)
    prefix = isolated_settings.index_prefix
    return client, f"{prefix}articles", f"{prefix}events"


def _write_events(client, alias: str, events: list[EventMessage]) -> None:
    for event in events:
        client.index(index=alias, id=event.id, document=event_document(event), refresh=True)


def _ids(client, alias: str) -> list[str]:
    client.indices.refresh(index=alias)
    return sorted(h["_id"] for h in client.search(index=alias, size=100)["hits"]["hits"])


def test_the_article_side_deletes_events_of_older_revisions(indexed):
    client, articles, events = indexed
    v1 = _article(10, [(0, "PROTEST"), (28, "ASSAULT")])
    v2 = _article(20, [(56, "CONSULT")])
    _write_events(client, events, _events(v1) + _events(v2))
    client.index(index=articles, id=v2.id, document=article_document(v2), refresh=True)
    assert delete_stale_events(client, events, [ArticleVersion.of(v2)]) == 2
    assert _ids(client, events) == [v2.events[0].id]


def test_the_event_side_deletes_a_late_event_of_an_older_revision(indexed):
    client, articles, events = indexed
    v1 = _article(10, [(0, "PROTEST")])
    v2 = _article(20, [(56, "CONSULT")])
    v3 = _article(30, [(28, "ASSAULT")])
    client.index(index=articles, id=v2.id, document=article_document(v2), refresh=True)
    late = _events(v1) + _events(v2) + _events(v3)  # v1 redelivered late; v3 ahead of its article
    _write_events(client, events, late)
    assert delete_superseded_events(client, articles, events, late) == 1
    assert _ids(client, events) == sorted([v2.events[0].id, v3.events[0].id])


def test_without_a_refresh_the_event_side_sees_articles_written_with_wait_for(indexed):
    # what the index agents do: the articles writer's requests return once searchable
    client, articles, events = indexed
    v1 = _article(10, [(0, "PROTEST")])
    v2 = _article(20, [(56, "CONSULT")])
    result = BulkWriter(client, articles, refresh="wait_for").write([(v2.id, article_document(v2))])
    assert not result.rejected
    late = _events(v1) + _events(v2)
    _write_events(client, events, late)
    assert delete_superseded_events(client, articles, events, late, articles_visible=True) == 1
    assert _ids(client, events) == [v2.events[0].id]
