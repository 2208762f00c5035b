"""`wirewatch search`, `wirewatch events` and `wirewatch codes` against the real search engine.

The demo articles are tagged by the real tagger and indexed in the embedded
engine (osmem), with 100 near-copies of the Kharkiv story.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from core.settings import Settings, get_settings
from tests.conftest import settings_env
from tests.support.search_data import COPIED_SLUG, COPIES, index_demo
from wirewatch.cli import cli

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def indexed(embedded_stack):
    settings = Settings(kafka_bootstrap=embedded_stack[0], es_url=embedded_stack[1], index_prefix="searchcmd-")
    articles = index_demo(settings)
    originals = [a for a in articles if a.duplicate_of is None]
    return settings, originals


def run(settings, command: str, *args: str):
    env = settings_env(settings)
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(cli, [command, *args], env=env)
    finally:
        get_settings.cache_clear()


def ids(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if not line.startswith('{"_facets"')]


def stories(result) -> set[str]:
    """The stories of the hits (a collapsed story may show its newest copy when sorted by date)."""
    assert result.exit_code == 0, result.output
    return {json.loads(line)["story_id"] for line in result.stdout.splitlines()}


def test_free_text_and_json_output(indexed):
    settings, _ = indexed
    result = run(settings, "search", "earthquake", "--json", "--limit", "3")
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits and "earthquake" in (hits[0]["title"] + hits[0]["body"]).lower()
    assert {"_id", "places", "entities", "events", "copies"} <= set(hits[0])


def test_every_word_must_match_and_a_word_that_matches_nothing_is_named(indexed):
    settings, originals = indexed
    result = run(settings, "search", "drone", "strike", "Odesa")
    assert result.exit_code == 0
    assert "no articles match" in result.stdout and "no article matches 'Odesa'" in result.stdout

    both = ids(run(settings, "search", "drone", "strike", "--json"))
    expected = {a.id for a in originals if "drone" in (a.title + a.body).lower()
                and "strike" in (a.title + a.body).lower()}
    assert set(both) == expected and expected  # "strike" finds "strikes": the stemmed subfield

    any_word = ids(run(settings, "search", "drone", "Odesa", "--any", "--json", "--limit", "50"))
    assert set(any_word) == {a.id for a in originals if "drone" in (a.title + a.body).lower()}


def test_quoted_phrases_and_lucene(indexed):
    settings, originals = indexed
    phrase = ids(run(settings, "search", '"air strike"', "--json"))
    assert phrase and all("air strike" in (a.title + a.body).lower() for a in originals if a.id in phrase)
    loose = ids(run(settings, "search", "air", "strike", "--json", "--limit", "50"))
    assert set(phrase) <= set(loose)

    lucene = ids(run(settings, "search", "--lucene", "title:earthquake OR title:sanctions", "--json"))
    assert len(lucene) == 2


def test_day_bounds_are_inclusive(indexed):
    settings, originals = indexed
    day = [a for a in originals if a.published_at and a.published_at.date().isoformat() == "2026-03-12"]
    assert day, "the demo has an article of 12 March"
    assert ids(run(settings, "search", "--since", "2026-03-12", "--until", "2026-03-12", "--json")) == [day[0].id]
    through = ids(run(settings, "search", "--until", "2026-03-12", "--json", "--all", "--limit", "500"))
    assert day[0].id in through
    result = run(settings, "search", "--since", "2026-03-20", "--until", "2026-03-31", "--json", "--limit", "50")
    dates = [json.loads(line)["published_at"] for line in result.stdout.splitlines()]
    assert dates and all("2026-03-20" <= d[:10] <= "2026-03-31" for d in dates)


def test_a_place_by_name_code_or_geonames_id_finds_the_same_articles(indexed):
    settings, originals = indexed
    expected = {a.story_id for a in originals if any(p.country_code == "UA" for p in a.places)}
    for place in ("Ukraine", "UA", "690791"):
        assert stories(run(settings, "search", "--place", place, "--json", "--limit", "50")) == expected, place


def test_filters_narrow_the_hits(indexed):
    settings, originals = indexed
    expected = {a.story_id for a in originals if any(p.country_code == "UA" for p in a.places)
                and any(e.category == "ASSAULT" for e in a.events)}
    assert stories(run(settings, "search", "--place", "UA", "--category", "assault", "--json", "--limit", "50")) \
        == expected
    assert expected


def test_a_wrong_code_fails_with_the_valid_codes(indexed):
    settings, _ = indexed
    result = run(settings, "search", "--subtype", "AIR_STRKE")
    assert result.exit_code == 2
    assert "unknown subtype 'AIR_STRKE'" in result.output and "AIR_STRIKE" in result.output
    assert "ARMED_CLASH" in result.output
    result = run(settings, "events", "--category", "BOMBING")
    assert result.exit_code == 2 and "ASSAULT" in result.output
    codes = run(settings, "codes")
    assert codes.exit_code == 0 and "AIR_STRIKE" in codes.stdout and "ASSAULT" in codes.stdout


def test_copies_collapse_into_their_story_with_a_count(indexed):
    settings, originals = indexed
    result = run(settings, "search", "Kharkiv", "--json", "--limit", "50")
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    kharkiv = [h for h in hits if (h.get("url") or "").endswith(COPIED_SLUG)]
    assert len(kharkiv) == 1 and kharkiv[0]["copies"] == COPIES + 1

    expanded = [json.loads(line) for line in run(settings, "search", "Kharkiv", "--all", "--json", "--limit", "500")
                .stdout.splitlines()]
    assert sum((h.get("url") or "").endswith(COPIED_SLUG) for h in expanded) == COPIES + 1

    table = run(settings, "search", "Kharkiv")
    assert f"×{COPIES + 1} copies" in table.stdout and "stories" in table.stdout


def test_paging_and_sorting(indexed):
    settings, originals = indexed
    first = ids(run(settings, "search", "--json", "--limit", "5"))
    second = ids(run(settings, "search", "--json", "--limit", "5", "--page", "2"))
    assert len(first) == len(second) == 5 and not set(first) & set(second)
    newest = sorted(originals, key=lambda a: a.published_at, reverse=True)
    assert first[0] == newest[0].id  # the newest story has no copies
    by_date = run(settings, "search", "police", "--sort", "date", "--json", "--limit", "50")
    dates = [json.loads(line)["published_at"] for line in by_date.stdout.splitlines()]
    assert dates == sorted(dates, reverse=True)


def test_facets_count_places_people_subtypes_and_days(indexed):
    settings, originals = indexed
    result = run(settings, "search", "--facets", "--json", "--limit", "1", "--all")
    facets = json.loads(result.stdout.splitlines()[-1])["_facets"]
    days = {b["key"]: b["count"] for b in facets["days"]}
    assert days["2026-03-03"] == COPIES + 1  # the story and its copies were all published that day
    assert sum(days.values()) == len(originals) + COPIES
    subtypes = {b["key"] for b in facets["fields"]["subtypes"]}
    assert "AIR_STRIKE" in subtypes
    assert facets["fields"]["places"] and facets["fields"]["persons"]
    table = run(settings, "search", "--facets")
    assert "per day" in table.stdout and "places:" in table.stdout


def test_human_output_is_a_table_and_csv_is_csv(indexed):
    settings, _ = indexed
    result = run(settings, "search", "protest", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "published" in result.stdout and "article" in result.stdout and "by relevance" in result.stdout
    rows = list(csv.DictReader(io.StringIO(run(settings, "search", "protest", "--format", "csv").stdout)))
    assert rows and {"id", "title", "copies"} <= set(rows[0])


def test_a_bad_date_is_a_clear_usage_error(indexed):
    settings, _ = indexed
    result = run(settings, "search", "--since", "last tuesday")
    assert result.exit_code == 2 and "ISO dates" in result.output


def test_events_by_actor_subtype_place_and_day(indexed):
    settings, originals = indexed
    events = [e for a in originals for e in a.events]
    # Russia's GeoNames id, or an entity whose id names it ("group:russians")
    expected = {e.id for e in events if e.subtype == "AIR_STRIKE"
                and any(a == "geonames:2017370" or "russia" in a.split(":", 1)[1] for a in e.actors)}
    got = [json.loads(line) for line in
           run(settings, "events", "--actor", "Russia", "--subtype", "AIR_STRIKE", "--json", "--limit", "100")
           .stdout.splitlines()]
    assert {e["id"] for e in got} == expected and expected
    assert all(any(n.startswith("Russia") for n in e["actor_names"]) for e in got)

    on_day = [json.loads(line) for line in
              run(settings, "events", "--since", "2026-03-03", "--until", "2026-03-03", "--json", "--limit", "200")
              .stdout.splitlines()]
    by_article = {a.id: a for a in originals}
    assert on_day and all((e["date"] or by_article[e["article_id"]].published_at.date().isoformat()) == "2026-03-03"
                          for e in on_day)

    table = run(settings, "events", "drone", "--place", "UA", "--limit", "3")
    assert table.exit_code == 0 and "→" in table.stdout and "article" in table.stdout


def test_events_follow_applies_the_filters_to_the_topic(indexed, tmp_path):
    from kafka import KafkaProducer

    from core.kafka_options import client_options
    from streams.indexing.documents import event_messages
    from wirewatch.topic_setup import ensure_topics

    settings, originals = indexed
    live = settings.model_copy(update={"topic_prefix": "followtest."})
    ensure_topics(live)
    messages = [m for a in originals[:6] for m in event_messages(a)]
    producer = KafkaProducer(**client_options(live))
    for message in messages:
        producer.send(f"{live.topic_prefix}events", key=message.id.encode(), value=message.model_dump_json().encode())
    producer.flush()
    producer.close()
    expected = [m.id for m in messages if m.category == "ASSAULT"]
    result = run(live, "events", "--follow", "--replay", "--category", "ASSAULT", "--json",
                 "--count", str(len(expected)))
    assert result.exit_code == 0, result.output
    assert sorted(json.loads(line)["id"] for line in result.stdout.splitlines()) == sorted(expected)


def test_grouping_copies_without_server_collapse_gives_the_same_pages(indexed):
    """The fallback for engines that reject ``collapse`` is checked against the engine's own collapse."""
    from core.search_client import make_client
    from wirewatch.searching.query import Query
    from wirewatch.searching.service import Searcher

    settings, _ = indexed
    client = make_client(settings)
    try:
        server, grouped = Searcher(client, settings), Searcher(client, settings)
        grouped.server_collapse = False
        for query in (Query(text="Kharkiv"), Query(size=5, page=2), Query(places=("UA",), sort="date")):
            a, b = server.articles(query), grouped.articles(query)
            assert [(h.story_id, h.copies) for h in a.hits] == [(h.story_id, h.copies) for h in b.hits]
            assert a.stories == b.stories and a.total == b.total
    finally:
        client.close()
