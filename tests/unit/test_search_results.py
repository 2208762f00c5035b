"""Results: highlighting, copies grouped by story, readable parties, live filters."""

from datetime import UTC, datetime

from wirewatch.searching.dates import time_range
from wirewatch.searching.live import event_matches
from wirewatch.searching.query import Query
from wirewatch.searching.results import event_hit, mark_terms, party_label, snippet
from wirewatch.searching.service import group_by_story

EVENT = {
    "id": "a-0-assault", "article_id": "a", "category": "ASSAULT", "subtype": "AIR_STRIKE", "mode": "drone",
    "sentence": {"field": "body", "start": 0, "end": 40, "text": "Russian drones struck Kharkiv <at night>."},
    "trigger": "struck", "actors": ["geonames:2017370"], "targets": ["person:oleh-marchenko"],
    "place_ids": ["geonames:706483"], "date": "2026-03-03", "published_at": "2026-03-03T06:40:00Z",
    "title": "Drones hit Kharkiv",
    "places": [{"id": "geonames:706483", "name": "Kharkiv", "geonames_id": 706483, "country_code": "UA",
                "lat": 49.98, "lon": 36.25}],
}
NOW = datetime(2026, 3, 31, tzinfo=UTC)


def test_marks_are_escaped_html_around_whole_words():
    assert mark_terms("Drones <hit> the drone depot", ["drone"]) == \
        "<mark>Drones</mark> &lt;hit&gt; the <mark>drone</mark> depot"
    assert snippet("x " * 200 + "the drone hit", ["drone"], width=40).startswith("…")


def test_an_event_hit_names_its_parties_and_marks_its_trigger():
    hit = event_hit(EVENT)
    assert hit.actor_names == ["Russia"] and hit.target_names == ["Oleh Marchenko"]
    assert hit.sentence_html == "Russian drones <mark>struck</mark> Kharkiv &lt;at night&gt;."
    assert (hit.lat, hit.lon) == (49.98, 36.25) and hit.place_names == ["Kharkiv"]
    assert party_label("group:ukrainians") == "Ukrainians"


def test_copies_group_by_story_in_rank_order():
    hits = [{"_id": "1", "_source": {"story_id": "s"}}, {"_id": "2", "_source": {"story_id": "t"}},
            {"_id": "3", "_source": {"story_id": "s"}}, {"_id": "4", "_source": {}}]
    assert [(h["_id"], n) for h, n in group_by_story(hits)] == [("1", 2), ("2", 1), ("4", 1)]


def test_live_filters_are_the_search_filters():
    assert event_matches(Query(subtypes=("AIR_STRIKE",), places=("Ukraine",), actors=("Russia",)), EVENT)
    assert event_matches(Query(text="drones Kharkiv", targets=("Marchenko",)), EVENT)
    named = {**EVENT, "actor_refs": [{"id": "group:x-1", "name": "Rapid Support Forces", "type": "ORG"}],
             "actors": ["group:x-1"]}
    assert event_matches(Query(actors=("Rapid Support Forces",)), named)
    assert event_hit(named).actor_names == ["Rapid Support Forces"]
    assert not event_matches(Query(text="drones Odesa"), EVENT)
    assert event_matches(Query(text="drones Odesa", match="any"), EVENT)
    assert not event_matches(Query(subtypes=("ARMED_CLASH",)), EVENT)
    assert not event_matches(Query(places=("RU",)), EVENT)
    assert event_matches(Query(time=time_range("2026-03-03", "2026-03-03", now=NOW)), EVENT)
    assert not event_matches(Query(time=time_range("2026-03-04", None, now=NOW)), EVENT)


def test_an_article_without_engine_highlights_gets_a_computed_snippet():
    from wirewatch.searching.results import article_hit

    hit = {"_id": "a", "_source": {"id": "a", "title": "Drones hit Kharkiv", "body": "Overnight, drones hit a depot.",
                                   "places": EVENT["places"], "events": [EVENT]}}
    article = article_hit(hit, ["drones"], copies=3)
    assert article.title_html == "<mark>Drones</mark> hit Kharkiv"
    assert article.snippet_html == "Overnight, <mark>drones</mark> hit a depot."
    assert article.copies == 3 and article.events[0].place_names == ["Kharkiv"]
    engine = article_hit({**hit, "highlight": {"body.en": ["<mark>drones</mark> hit"]}}, ["drone"])
    assert engine.snippet_html == "<mark>drones</mark> hit"
