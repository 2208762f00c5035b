"""The demo articles, tagged once per test session and indexed for search tests.

Tagging runs the real tagger (exactly the worker's code); the index is the real
embedded engine. One story also gets ``COPIES`` near-copies (same ``story_id``,
``duplicate_of`` set), as a wire story syndicated by a hundred sites would.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from core.search_client import make_client
from core.settings import Settings
from schemas import TaggedArticle
from streams.indexing.bulk import BulkWriter
from streams.indexing.documents import article_document, event_document, event_messages
from wirewatch.search_setup import ensure_indices

COPIES = 100
COPIED_SLUG = "kharkiv-drone-strikes"


@lru_cache(maxsize=1)
def tagged_demo() -> tuple[TaggedArticle, ...]:
    from streams.tagging import Tagger
    from wirewatch.demo import demo_articles

    return tuple(Tagger(Settings().spacy_model).tag_batch(demo_articles()))


def near_copies(original: TaggedArticle, count: int = COPIES) -> list[TaggedArticle]:
    """``count`` copies of ``original`` under other URLs, a minute apart, marked as its duplicates."""
    copies = []
    for n in range(1, count + 1):
        copies.append(original.model_copy(update={
            "id": f"{n:04d}{original.id[4:]}", "url": f"https://mirror{n}.example.org/{COPIED_SLUG}",
            "source": f"rss:mirror{n}", "duplicate_of": original.id, "story_id": original.story_id,
            "published_at": original.published_at + timedelta(minutes=n) if original.published_at else None,
        }))
    return copies


def index_demo(settings: Settings, *, copies: int = COPIES) -> list[TaggedArticle]:
    """Index the tagged demo (articles and events) plus near-copies of one story; returns the articles."""
    tagged = list(tagged_demo())
    original = next(t for t in tagged if t.url and t.url.endswith(COPIED_SLUG))
    articles = tagged + near_copies(original, copies)
    client = make_client(settings)
    try:
        ensure_indices(settings, client, wait_s=10)
        articles_alias, events_alias = f"{settings.index_prefix}articles", f"{settings.index_prefix}events"
        assert BulkWriter(client, articles_alias).write([(t.id, article_document(t)) for t in articles]).rejected == []
        events = [m for t in tagged for m in event_messages(t)]
        assert BulkWriter(client, events_alias).write([(e.id, event_document(e)) for e in events]).rejected == []
        client.indices.refresh(index=articles_alias)
        client.indices.refresh(index=events_alias)
    finally:
        client.close()
    return articles
