"""A re-tagged article replaces its events: no event of an older revision stays indexed.

An article's ``revision`` is the raw-topic offset it was tagged from, so a
later publish of the same article (same id, same partition) has a higher one
(see ``TaggedArticle.revision``); each event document carries its article's
revision. The articles and the events are indexed by two agents, in any
relative order, so each side checks the other after its own write:

* the articles side (:func:`delete_stale_events`), after writing an article
  that replaced an older document, refreshes the events index and deletes the
  article's events of a lower revision, or of the same revision but no longer
  among its events (a changed tagger);
* the events side (:func:`delete_superseded_events`), after writing events,
  reads their articles (after a refresh) and deletes the events an indexed
  article has superseded by the same rule.

Whichever write comes last, its check sees the other's: an event written
before the article's check is visible to it (refreshed); one written after
sees the new article. Events of a revision higher than the indexed article
(the article not yet indexed) are kept. Events without a revision (tagged
offline, or before revisions existed) count as older than any.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from schemas import EventMessage, TaggedArticle

if TYPE_CHECKING:  # the index agents import this module before the client (streams/agents/indexing.py)
    from elasticsearch import Elasticsearch

log = logging.getLogger(__name__)

MAX_CLAUSES = 200  # articles per delete-by-query (well under the engines' clause limits)


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """What the articles side's check needs of a written article: its id, revision and event ids.

    The index agent keeps this, not the validated :class:`TaggedArticle`, until
    its bulk request returns: a tagged article of ~22 KB of JSON is ~150 KB of
    Python objects, so a backlog's bulk of 500 held ~75 MB at once, and the
    worker's heap kept that high-water mark (issue #13's soak).
    """

    id: str
    revision: int | None
    event_ids: tuple[str, ...]

    @classmethod
    def of(cls, article: TaggedArticle) -> ArticleVersion:
        return cls(article.id, article.revision, tuple(e.id for e in article.events))


def superseded(event_revision: int | None, event_id: str, article_revision: int | None,
               article_event_ids: set[str]) -> bool:
    """True when an indexed article of ``article_revision`` replaces the event."""
    if article_revision is None:
        return False
    if event_revision is None or event_revision < article_revision:
        return True
    return event_revision == article_revision and event_id not in article_event_ids


def stale_events_query(articles: Sequence[ArticleVersion]) -> dict[str, Any]:
    """Events of these articles that their revisions replace (see :func:`superseded`)."""
    clauses = []
    for article in articles:
        assert article.revision is not None
        current = list(article.event_ids)
        clauses.append({"bool": {
            "filter": [{"term": {"article_id": article.id}}],
            "should": [
                {"bool": {"must_not": [{"exists": {"field": "revision"}}]}},
                {"range": {"revision": {"lt": article.revision}}},
                {"bool": {"filter": [{"term": {"revision": article.revision}}],
                          "must_not": [{"ids": {"values": current}}] if current else []}},
            ],
            "minimum_should_match": 1,
        }})
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def delete_stale_events(client: Elasticsearch, events_alias: str, articles: Sequence[ArticleVersion]) -> int:
    """Delete older revisions' events of ``articles`` (those that replaced a document); return how many."""
    versioned = [a for a in articles if a.revision is not None]
    if not versioned:
        return 0
    client.indices.refresh(index=events_alias)
    deleted = 0
    for start in range(0, len(versioned), MAX_CLAUSES):
        chunk = versioned[start:start + MAX_CLAUSES]
        response = client.delete_by_query(index=events_alias, query=stale_events_query(chunk),
                                          conflicts="proceed", refresh=True)
        deleted += int(response.get("deleted", 0))
    if deleted:
        log.info("deleted %d events of older revisions of %d re-tagged articles", deleted, len(versioned))
    return deleted


def delete_superseded_events(client: Elasticsearch, articles_alias: str, events_alias: str,
                             events: Sequence[EventMessage], *, articles_visible: bool = False) -> int:
    """Delete the just-written ``events`` that their indexed article already replaced; return how many.

    ``articles_visible``: the articles writer's bulk requests return only once
    their documents are searchable (``refresh=wait_for`` or ``true``), so the
    search below sees every article whose write returned without a refresh of
    its own; an article still being written is then checked by its own side
    after its write returns, and sees these events (written before this check).
    """
    article_ids = sorted({e.article_id for e in events})
    if not article_ids:
        return 0
    # refreshed, a search sees every article written before it (unlike mget, it
    # also works on an alias over several indices after a rollover); one refresh
    # per events batch makes a small segment of the articles index each time
    if not articles_visible:
        client.indices.refresh(index=articles_alias)
    found = client.search(index=articles_alias, query={"ids": {"values": article_ids}}, size=len(article_ids),
                          source_includes=["revision", "events.id"])
    indexed: dict[str, tuple[int | None, set[str]]] = {}
    for doc in found["hits"]["hits"]:
        source = doc.get("_source", {})
        indexed[doc["_id"]] = (source.get("revision"), {e.get("id") for e in source.get("events", [])})
    doomed = sorted({e.id for e in events if e.article_id in indexed
                     and superseded(e.revision, e.id, *indexed[e.article_id])})
    if not doomed:
        return 0
    client.delete_by_query(index=events_alias, query={"ids": {"values": doomed}},
                           conflicts="proceed", refresh=True)
    log.info("deleted %d events superseded by a newer revision of their article", len(doomed))
    return len(doomed)
