"""The one query builder behind `wirewatch search`, `wirewatch events` and the page."""

from datetime import UTC, datetime

from wirewatch.searching.dates import time_range
from wirewatch.searching.query import (
    Query,
    article_filters,
    article_query,
    article_search_body,
    event_filters,
    event_search_body,
    term_count_body,
)

NOW = datetime(2026, 3, 31, 15, 0, tzinfo=UTC)


def test_every_word_must_match_by_default():
    must = article_query(Query(text="drone strike Odesa"))["bool"]["must"][0]["bool"]["must"]
    assert [c["multi_match"]["query"] for c in must] == ["drone", "strike", "Odesa"]
    assert all(c["multi_match"]["operator"] == "and" for c in must)
    assert "body.en^0.8" in must[0]["multi_match"]["fields"]  # stemmed: "strike" finds "strikes"


def test_any_word_is_an_or_with_at_least_one():
    text = article_query(Query(text="drone Odesa", match="any"))["bool"]["must"][0]["bool"]
    assert text["minimum_should_match"] == 1 and len(text["should"]) == 2


def test_quoted_phrases_match_as_phrases():
    must = article_query(Query(text='"air strike" Sagaing'))["bool"]["must"][0]["bool"]["must"]
    assert must[0]["multi_match"] == {"query": "air strike", "fields": must[0]["multi_match"]["fields"],
                                      "type": "phrase"}
    assert must[1]["multi_match"]["query"] == "Sagaing"


def test_lucene_syntax_passes_through_with_and_as_default():
    clause = article_query(Query(text="title:drone OR body:shelling", match="lucene"))["bool"]["must"][0]
    assert clause["query_string"]["query"] == "title:drone OR body:shelling"
    assert clause["query_string"]["default_operator"] == "AND"
    assert Query(text="a b", match="lucene").terms() == []


def test_no_text_matches_everything_newest_first():
    body = article_search_body(Query())
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert next(iter(body["sort"][0])) == "published_at"


def test_until_a_day_includes_the_whole_day():
    query = Query(time=time_range("2026-03-12", "2026-03-12", now=NOW))
    assert {"range": {"published_at": {"gte": "2026-03-12T00:00:00.000Z",
                                       "lt": "2026-03-13T00:00:00.000Z"}}} in article_filters(query)


def test_events_are_bounded_by_their_own_day_else_the_publication_day():
    query = Query(time=time_range("2026-03-12", "2026-03-12", now=NOW))
    days = event_filters(query)[-1]["bool"]["should"]
    assert days[0] == {"range": {"date": {"gte": "2026-03-12", "lte": "2026-03-12"}}}
    assert days[1]["bool"]["must_not"] == [{"exists": {"field": "date"}}]


def test_a_country_by_name_code_or_geonames_id_is_the_same_filter():
    clauses = [article_filters(Query(places=(p,)))[0] for p in ("Ukraine", "UA", "ua", "690791", "geonames:690791")]
    assert all(c == {"term": {"country_codes": "UA"}} for c in clauses)


def test_other_places_match_by_name_or_geonames_id():
    name = article_filters(Query(places=("Kharkiv",)))[0]["bool"]["should"]
    assert {"term": {"place_names": "Kharkiv"}} in name and {"match_phrase": {"place_names.text": "Kharkiv"}} in name
    assert article_filters(Query(places=("706483",)))[0] == {"term": {"places.geonames_id": 706483}}


def test_codes_filter_articles_and_events_on_their_own_fields():
    query = Query(categories=("ASSAULT",), subtypes=("AIR_STRIKE",), modes=("drone",))
    assert article_filters(query) == [{"terms": {"categories": ["ASSAULT"]}}, {"terms": {"subtypes": ["AIR_STRIKE"]}},
                                      {"terms": {"events.mode": ["drone"]}}]
    assert event_filters(query) == [{"terms": {"category": ["ASSAULT"]}}, {"terms": {"subtype": ["AIR_STRIKE"]}},
                                    {"terms": {"mode": ["drone"]}}]


def test_actors_match_ids_names_and_countries():
    by_name = event_filters(Query(actors=("Oleh Marchenko",)))[0]["bool"]["should"]
    assert by_name == [{"wildcard": {"actors": {"value": "*:*oleh-marchenko*"}}},
                       {"match_phrase": {"actor_refs.name.text": "Oleh Marchenko"}}]
    by_country = event_filters(Query(actors=("Russia",)))[0]["bool"]["should"]
    assert {"term": {"actors": "geonames:2017370"}} in by_country
    assert event_filters(Query(targets=("org:nato",)))[0]["bool"]["should"] == [{"term": {"targets": "org:nato"}}]


def test_copies_collapse_by_story_unless_expanded():
    body = article_search_body(Query(text="drone"))
    assert body["collapse"]["field"] == "story_id" and body["aggs"]["stories"] == {"cardinality": {"field": "story_id"}}
    assert "collapse" not in article_search_body(Query(text="drone", expand=True))
    assert "collapse" not in article_search_body(Query(text="drone"), collapse=False)


def test_sort_and_paging():
    body = article_search_body(Query(text="drone", sort="date", page=3, size=20))
    assert body["from"] == 40 and body["size"] == 20
    assert next(iter(body["sort"][0])) == "published_at"
    assert next(iter(article_search_body(Query(text="drone"))["sort"][0])) == "_score"
    assert next(iter(event_search_body(Query())["sort"][0])) == "date"


def test_highlighting_covers_exact_and_stemmed_fields():
    fields = article_search_body(Query(text="drone"))["highlight"]["fields"]
    assert {"title", "body", "body.en"} <= set(fields)


def test_each_word_is_counted_alone_to_name_the_ones_that_match_nothing():
    body = term_count_body(Query(text='drone "air strike" Odesa'), ["body"])
    assert set(body["aggs"]["terms"]["filters"]["filters"]) == {"drone", "air strike", "Odesa"}
    assert term_count_body(Query(text="x y", match="lucene"), ["body"]) is None
