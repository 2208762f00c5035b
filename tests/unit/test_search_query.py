"""The query behind `wirewatch search`."""

from datetime import date

from wirewatch.search_query import SearchFilters, build_query


def test_free_text_searches_titles_bodies_and_names():
    query = build_query("drone", SearchFilters())
    fields = query["bool"]["must"][0]["multi_match"]["fields"]
    assert "title^3" in fields and "body" in fields and "place_names.text^2" in fields
    assert query["bool"]["filter"] == []


def test_no_text_matches_everything():
    assert build_query("  ", SearchFilters())["bool"]["must"] == [{"match_all": {}}]


def test_filters_are_combined():
    query = build_query("", SearchFilters(categories=("assault",), subtypes=("air_strike",), places=("UA",),
                                          persons=("Putin",), since=date(2026, 3, 1), until=date(2026, 3, 31)))
    filters = query["bool"]["filter"]
    assert {"terms": {"categories": ["ASSAULT"]}} in filters
    assert {"terms": {"subtypes": ["AIR_STRIKE"]}} in filters
    assert {"range": {"published_at": {"gte": "2026-03-01", "lte": "2026-03-31"}}} in filters
    place = filters[2]["bool"]["should"]
    assert {"term": {"country_codes": "UA"}} in place
    person = filters[3]["bool"]["should"]
    assert {"match": {"persons.text": {"query": "Putin", "operator": "and"}}} in person
