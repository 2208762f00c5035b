"""The one query builder behind ``wirewatch search``, ``wirewatch events`` and the search page.

Pure functions from a :class:`Query` to Elasticsearch request bodies; the
same bodies run on Elasticsearch 9 and on the embedded engine (osmem). Where
the embedded engine lacks a feature (see ``service.py``), the fallback is
computed from these same clauses, never from a second query language.

Text: every word must match (``match="all"``, the default), any word may
(``"any"``), or the text is Lucene ``query_string`` syntax (``"lucene"``).
Quoted phrases match as phrases in the first two modes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from wirewatch.searching.dates import TimeRange, iso
from wirewatch.searching.places import PlaceTerm, countries, resolve_place

# ``.en`` subfields are stemmed (english analyzer), so "strike" finds "strikes"
ARTICLE_TEXT_FIELDS = ["title^3", "title.en^2", "body", "body.en^0.8", "persons.text^2",
                       "organisations.text^2", "groups.text", "place_names.text^2"]
EVENT_TEXT_FIELDS = ["sentence.text^2", "sentence.text.en^1.5", "title", "title.en^0.8", "place_names.text"]
MAX_PAGE_SIZE = 500

MatchMode = Literal["all", "any", "lucene"]
SortOrder = Literal["date", "relevance"]

_TERM = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True)
class Query:
    """What someone asked for: text, filters, and which page of which order.

    Codes (``categories``, ``subtypes``) must already be checked
    (:func:`wirewatch.searching.codes.check_codes`).
    """

    text: str = ""
    match: MatchMode = "all"
    categories: tuple[str, ...] = ()
    subtypes: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    time: TimeRange = field(default_factory=TimeRange)
    sort: SortOrder | None = None
    page: int = 1
    size: int = 10
    expand: bool = False
    facets: bool = False

    @property
    def order(self) -> SortOrder:
        """``relevance`` when there is text, else ``date``, unless asked otherwise."""
        return self.sort or ("relevance" if self.text.strip() else "date")

    def terms(self) -> list[str]:
        """The words and quoted phrases of the text (none in Lucene mode)."""
        if self.match == "lucene":
            return []
        return [phrase or word for phrase, word in _TERM.findall(self.text) if (phrase or word).strip()]

    @property
    def offset(self) -> int:
        return (max(self.page, 1) - 1) * self.size


def term_clause(term: str, fields: list[str]) -> dict[str, Any]:
    """One word (all its tokens in one field) or one phrase, over ``fields``."""
    if " " in term.strip():
        return {"multi_match": {"query": term, "fields": fields, "type": "phrase"}}
    return {"multi_match": {"query": term, "fields": fields, "operator": "and"}}


def text_clause(query: Query, fields: list[str]) -> dict[str, Any] | None:
    """The free-text part of the query, or None when there is no text."""
    if query.match == "lucene":
        if not query.text.strip():
            return None
        return {"query_string": {"query": query.text, "fields": fields, "default_operator": "AND"}}
    clauses = [term_clause(t, fields) for t in query.terms()]
    if not clauses:
        return None
    if query.match == "any":
        return {"bool": {"should": clauses, "minimum_should_match": 1}}
    return {"bool": {"must": clauses}}


def _name_clause(field_: str, value: str) -> dict[str, Any]:
    """A keyword name exactly, or its words in order ('Putin' finds 'Vladimir Putin')."""
    return {"bool": {"should": [{"term": {field_: value}},
                                {"match_phrase": {f"{field_}.text": value}}], "minimum_should_match": 1}}


def place_clause(term: PlaceTerm, *, names: str, codes: str, ids: str) -> dict[str, Any]:
    """A resolved ``--place``: a country by its code, else a GeoNames id or a name."""
    if term.country_code is not None:
        return {"term": {codes: term.country_code}}
    if term.geonames_id is not None:
        return {"term": {ids: term.geonames_id}}
    return _name_clause(names, term.name or term.raw)


def slug(text: str) -> str:
    """``Vladimir Putin`` -> ``vladimir-putin``: the tail of entity ids."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def party_clause(fields: list[tuple[str, str | None]], value: str) -> dict[str, Any]:
    """An actor or target: an entity/place id, a name ('Putin', 'Hamas'), or a country.

    Args:
        fields: (id field, refs field or None) pairs, e.g. ``("actors", "actor_refs")``.
        value: what the user typed.

    Event actors and targets are ids (``person:vladimir-putin``,
    ``geonames:690791``). A name matches the ids whose slug contains it and, where
    the documents carry ``*_refs`` (events), the names those refs give; a country
    name or code also matches the country's GeoNames id.
    """
    should: list[dict[str, Any]] = []
    text = value.strip()
    if ":" in text:
        return {"bool": {"should": [{"term": {ids: text}} for ids, _ in fields], "minimum_should_match": 1}}
    for ids, refs in fields:
        should.append({"wildcard": {ids: {"value": f"*:*{slug(text)}*"}}})
        if refs is not None:
            should.append({"match_phrase": {f"{refs}.name.text": text}})
    place = resolve_place(text)
    if place.country_code is not None:
        gid = countries().geonames_id_of.get(place.country_code)
        if gid is not None:
            should += [{"term": {ids: f"geonames:{gid}"}} for ids, _ in fields]
    return {"bool": {"should": should, "minimum_should_match": 1}}


def _terms(field_: str, values: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{"terms": {field_: list(values)}}] if values else []


def _published_range(time: TimeRange) -> dict[str, Any] | None:
    bounds: dict[str, str] = {}
    if time.start is not None:
        bounds["gte"] = iso(time.start)
    if time.end is not None:
        bounds["lt"] = iso(time.end)
    return {"range": {"published_at": bounds}} if bounds else None


def article_filters(query: Query) -> list[dict[str, Any]]:
    """Every filter of an articles query (combined with AND)."""
    filters = (_terms("categories", query.categories) + _terms("subtypes", query.subtypes)
               + _terms("events.mode", query.modes))
    filters += [place_clause(resolve_place(p), names="place_names", codes="country_codes",
                             ids="places.geonames_id") for p in query.places]
    filters += [_name_clause("persons", p) for p in query.persons]
    filters += [party_clause([("events.actors", None)], a) for a in query.actors]
    filters += [party_clause([("events.targets", None)], t) for t in query.targets]
    if (published := _published_range(query.time)) is not None:
        filters.append(published)
    return filters


def _event_day_range(time: TimeRange) -> dict[str, Any] | None:
    """The event's own day when the text fixes it, else the day it was published."""
    published = _published_range(time)
    if published is None:
        return None
    days: dict[str, str] = {}
    if time.start is not None:
        days["gte"] = time.start.date().isoformat()
    if time.end is not None:
        days["lte"] = (time.end - timedelta(milliseconds=1)).date().isoformat()
    return {"bool": {"should": [
        {"range": {"date": days}},
        {"bool": {"must_not": [{"exists": {"field": "date"}}], "filter": [published]}},
    ], "minimum_should_match": 1}}


def event_filters(query: Query) -> list[dict[str, Any]]:
    """Every filter of an events query (combined with AND)."""
    filters = (_terms("category", query.categories) + _terms("subtype", query.subtypes)
               + _terms("mode", query.modes))
    filters += [place_clause(resolve_place(p), names="place_names", codes="country_codes",
                             ids="places.geonames_id") for p in query.places]
    actors, targets = ("actors", "actor_refs"), ("targets", "target_refs")
    filters += [party_clause([actors, targets], p) for p in query.persons]
    filters += [party_clause([actors], a) for a in query.actors]
    filters += [party_clause([targets], t) for t in query.targets]
    if (days := _event_day_range(query.time)) is not None:
        filters.append(days)
    return filters


def _bool(text: dict[str, Any] | None, filters: list[dict[str, Any]]) -> dict[str, Any]:
    return {"bool": {"must": [text] if text else [{"match_all": {}}], "filter": filters}}


# Near-copies score the same as their original; this nudge makes the original the
# one a collapsed story shows when ranking by relevance.
ORIGINAL_FIRST = {"constant_score": {"filter": {"bool": {"must_not": [{"exists": {"field": "duplicate_of"}}]}},
                                     "boost": 0.001}}


def article_query(query: Query) -> dict[str, Any]:
    """The bool query for articles: text plus filters (originals rank above their copies)."""
    body = _bool(text_clause(query, ARTICLE_TEXT_FIELDS), article_filters(query))
    body["bool"]["should"] = [ORIGINAL_FIRST]
    return body


def event_query(query: Query) -> dict[str, Any]:
    """The bool query for events: text plus filters."""
    return _bool(text_clause(query, EVENT_TEXT_FIELDS), event_filters(query))


def article_sort(order: SortOrder) -> list[Any]:
    newest = {"published_at": {"order": "desc", "missing": "_last"}}
    return [newest, {"_score": {"order": "desc"}}] if order == "date" else [{"_score": {"order": "desc"}}, newest]


def event_sort(order: SortOrder) -> list[Any]:
    newest = [{"date": {"order": "desc", "missing": "_last"}},
              {"published_at": {"order": "desc", "missing": "_last"}}]
    return [*newest, {"_score": {"order": "desc"}}] if order == "date" else [{"_score": {"order": "desc"}}, *newest]


HIGHLIGHT = {
    "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html",
    "fields": {"title": {"number_of_fragments": 0}, "title.en": {"number_of_fragments": 0},
               "body": {"fragment_size": 160, "number_of_fragments": 2},
               "body.en": {"fragment_size": 160, "number_of_fragments": 2}},
}

ARTICLE_FACETS = {"places": "place_names", "persons": "persons", "organisations": "organisations",
                  "subtypes": "subtypes", "categories": "categories"}
EVENT_FACETS = {"places": "place_names", "subtypes": "subtype", "categories": "category",
                "actors": "actors", "targets": "targets"}


def facet_aggs(fields: dict[str, str], day_field: str, size: int = 10) -> dict[str, Any]:
    """Top values of each facet field plus a per-day histogram of ``day_field``."""
    aggs: dict[str, Any] = {name: {"terms": {"field": f, "size": size}} for name, f in fields.items()}
    aggs["days"] = {"date_histogram": {"field": day_field, "calendar_interval": "day", "min_doc_count": 1,
                                       "format": "yyyy-MM-dd"}}
    return aggs


def article_search_body(query: Query, *, collapse: bool = True) -> dict[str, Any]:
    """The full ``_search`` body for one page of articles.

    Args:
        query: what was asked.
        collapse: collapse near-copies by ``story_id`` on the server (False when
            the engine cannot; the caller then groups, see ``service.py``).
    """
    body: dict[str, Any] = {
        "query": article_query(query), "sort": article_sort(query.order),
        "from": query.offset, "size": query.size, "highlight": HIGHLIGHT, "track_total_hits": True,
    }
    if collapse and not query.expand:
        body["collapse"] = {"field": "story_id", "inner_hits": {"name": "copies", "size": 0}}
        body["aggs"] = {"stories": {"cardinality": {"field": "story_id"}}}
    return body


def event_search_body(query: Query) -> dict[str, Any]:
    """The full ``_search`` body for one page of events."""
    return {"query": event_query(query), "sort": event_sort(query.order), "from": query.offset,
            "size": query.size, "track_total_hits": True}


def term_count_body(query: Query, fields: list[str]) -> dict[str, Any] | None:
    """How many documents each word or phrase matches on its own (to name the ones that match none)."""
    terms = query.terms()
    if not terms:
        return None
    return {"size": 0, "query": {"match_all": {}}, "aggs": {"terms": {"filters": {"filters": {
        t: term_clause(t, fields) for t in terms}}}}}
