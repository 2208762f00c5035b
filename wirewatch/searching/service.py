"""Runs queries against the search engine: the code the CLI and the page share.

Checked against the embedded engine (osmem 0.1) and written for
Elasticsearch 9: collapse with ``inner_hits`` totals, ``cardinality``,
``terms``, ``filters`` and ``date_histogram`` aggregations, highlighting,
``wildcard`` and ``exists`` all answer on both. When an engine rejects the
server-side collapse (a 400), :meth:`Searcher.articles` falls back to grouping
copies itself over the first hits (see :func:`group_by_story`), which gives the
same page on either engine; an engine that returns no highlight gets snippets
computed from the same terms (:func:`results.snippet`).
"""

from __future__ import annotations

import logging
from typing import Any

from elasticsearch import ApiError, BadRequestError, Elasticsearch, TransportError

from core.errors import SearchError
from core.settings import Settings
from wirewatch.searching.query import (
    ARTICLE_FACETS,
    ARTICLE_TEXT_FIELDS,
    EVENT_FACETS,
    EVENT_TEXT_FIELDS,
    Query,
    article_search_body,
    event_search_body,
    facet_aggs,
    term_count_body,
)
from wirewatch.searching.results import ArticleHit, SearchPage, article_hit, event_hit, facets

log = logging.getLogger(__name__)

FALLBACK_WINDOW = 1_000
"""Hits read when copies are grouped client-side (the engine cannot collapse)."""


def group_by_story(hits: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int]]:
    """The first hit of each story, in order, with how many hits the story has."""
    first: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for hit in hits:
        story = (hit.get("_source") or {}).get("story_id") or hit["_id"]
        first.setdefault(story, hit)
        counts[story] = counts.get(story, 0) + 1
    return [(hit, counts[story]) for story, hit in first.items()]


class Searcher:
    """Articles and events queries on one client (pass it in; it is not closed here)."""

    def __init__(self, client: Elasticsearch, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        self.articles_index = f"{settings.index_prefix}articles"
        self.events_index = f"{settings.index_prefix}events"
        self.server_collapse = True

    def _search(self, index: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return dict(self.client.search(index=index, body=body))
        except BadRequestError:
            raise
        except (ApiError, TransportError) as exc:
            raise SearchError(
                f"search on {self.settings.search_url} ({index}) failed: {exc}. Is the stack up "
                "(wirewatch up) and WIREWATCH_ES_URL right?") from exc

    def articles(self, query: Query) -> SearchPage:
        """One page of articles; copies of a story collapse unless ``query.expand``."""
        body = article_search_body(query, collapse=self.server_collapse)
        if query.facets:
            body.setdefault("aggs", {}).update(facet_aggs(ARTICLE_FACETS, "published_at"))
        try:
            response = self._search(self.articles_index, body)
        except BadRequestError as exc:
            if "collapse" not in body:
                raise SearchError(f"the search engine rejected the query: {exc}") from exc
            log.warning("the engine cannot collapse (%s); grouping copies client-side", exc)
            self.server_collapse = False
            return self.articles(query)
        terms = query.terms()
        aggs = response.get("aggregations") or {}
        hits_json = response["hits"]["hits"]
        stories: int | None = None
        hits: list[ArticleHit]
        if query.expand:
            hits = [article_hit(h, terms) for h in hits_json]
        elif self.server_collapse:
            hits = [article_hit(h, terms, _copies(h)) for h in hits_json]
            stories = int(aggs.get("stories", {}).get("value", 0))
        else:
            hits, stories = self._grouped(query, terms)
        return SearchPage(
            kind="articles", total=response["hits"]["total"]["value"], stories=stories,
            page=query.page, size=query.size, order=query.order, hits=hits,
            facets=facets(aggs, list(ARTICLE_FACETS)) if query.facets else None,
            term_counts=self.term_counts(query, self.articles_index, ARTICLE_TEXT_FIELDS),
        )

    def _grouped(self, query: Query, terms: list[str]) -> tuple[list[ArticleHit], int]:
        wide = Query(**{**query.__dict__, "page": 1, "size": FALLBACK_WINDOW, "expand": True, "facets": False})
        body = article_search_body(wide, collapse=False)
        groups = group_by_story(self._search(self.articles_index, body)["hits"]["hits"])
        page = groups[query.offset:query.offset + query.size]
        return [article_hit(h, terms, n) for h, n in page], len(groups)

    def events(self, query: Query) -> SearchPage:
        """One page of events."""
        body = event_search_body(query)
        if query.facets:
            body["aggs"] = facet_aggs(EVENT_FACETS, "date")
        try:
            response = self._search(self.events_index, body)
        except BadRequestError as exc:
            raise SearchError(f"the search engine rejected the query: {exc}") from exc
        return SearchPage(
            kind="events", total=response["hits"]["total"]["value"], page=query.page, size=query.size,
            order=query.order, hits=[event_hit(h["_source"]) for h in response["hits"]["hits"]],
            facets=facets(response.get("aggregations") or {}, list(EVENT_FACETS)) if query.facets else None,
            term_counts=self.term_counts(query, self.events_index, EVENT_TEXT_FIELDS),
        )

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event document by id, or None."""
        response = self._search(self.events_index, {"query": {"ids": {"values": [event_id]}}, "size": 1})
        hits = response["hits"]["hits"]
        return hits[0]["_source"] if hits else None

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article document by id, or None."""
        response = self._search(self.articles_index, {"query": {"ids": {"values": [article_id]}}, "size": 1})
        hits = response["hits"]["hits"]
        return hits[0]["_source"] if hits else None

    def term_counts(self, query: Query, index: str, fields: list[str]) -> dict[str, int]:
        """Documents each word or phrase matches alone, so a word that matches none can be named."""
        body = term_count_body(query, fields)
        if body is None or len(query.terms()) < 2 and query.match == "all":
            return {}
        try:
            buckets = self._search(index, body)["aggregations"]["terms"]["buckets"]
        except BadRequestError:
            return {}
        return {term: int(buckets[term]["doc_count"]) for term in query.terms() if term in buckets}


def _copies(hit: dict[str, Any]) -> int:
    total = hit.get("inner_hits", {}).get("copies", {}).get("hits", {}).get("total", {})
    return int(total.get("value", 1)) if isinstance(total, dict) else int(total or 1)
