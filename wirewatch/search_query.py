"""The query behind ``wirewatch search`` (a pure function, tested without a server)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class SearchFilters:
    """Filters of ``wirewatch search``; all optional, combined with AND."""

    categories: tuple[str, ...] = ()
    subtypes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    since: date | datetime | None = None
    until: date | datetime | None = None


def _any_of(field: str, text_field: str, values: tuple[str, ...]) -> dict[str, Any]:
    """Match a value exactly (keyword) or as words (text), e.g. 'Putin' finds 'Vladimir Putin'."""
    should: list[dict[str, Any]] = []
    for value in values:
        should.append({"term": {field: value}})
        should.append({"match": {text_field: {"query": value, "operator": "and"}}})
    return {"bool": {"should": should, "minimum_should_match": 1}}


def build_query(text: str, filters: SearchFilters) -> dict[str, Any]:
    """An Elasticsearch bool query for free text plus filters."""
    must: list[dict[str, Any]] = []
    if text.strip():
        must.append({"multi_match": {
            "query": text,
            "fields": ["title^3", "body", "persons.text^2", "organisations.text^2",
                       "groups.text", "place_names.text^2"],
        }})
    filter_: list[dict[str, Any]] = []
    if filters.categories:
        filter_.append({"terms": {"categories": [c.upper() for c in filters.categories]}})
    if filters.subtypes:
        filter_.append({"terms": {"subtypes": [s.upper() for s in filters.subtypes]}})
    for place in filters.places:
        clause = _any_of("place_names", "place_names.text", (place,))
        if len(place) == 2 and place.isalpha():
            clause["bool"]["should"].append({"term": {"country_codes": place.upper()}})
        filter_.append(clause)
    for person in filters.persons:
        filter_.append(_any_of("persons", "persons.text", (person,)))
    if filters.since or filters.until:
        bounds: dict[str, str] = {}
        if filters.since:
            bounds["gte"] = filters.since.isoformat()
        if filters.until:
            bounds["lte"] = filters.until.isoformat()
        filter_.append({"range": {"published_at": bounds}})
    return {"bool": {"must": must or [{"match_all": {}}], "filter": filter_}}
