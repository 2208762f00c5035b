"""The whole pipeline on the embedded stack: publish -> real faust worker -> index and topics."""

from __future__ import annotations

import json
import os
import sys
import urllib.request
from pathlib import Path

import pytest

from connectors.publisher import ArticlePublisher
from core.search_client import make_client
from core.settings import Settings
from core.topics import Topics
from schemas import DeadLetter, RawArticle, TaggedArticle, article_id, utcnow
from streams.indexing.documents import article_from_document, event_from_document
from tests.conftest import settings_env
from tests.integration.helpers import wait_for
from tests.support.topics import read_topic
from wirewatch.commands.setup import run_setup
from wirewatch.demo import demo_articles
from wirewatch.embedded import free_port
from wirewatch.processes import spawn, terminate

pytestmark = pytest.mark.integration

WORKER_READY_TIMEOUT = 90.0


@pytest.fixture(scope="module")
def pipeline(embedded_stack, tmp_path_factory):
    """Topics, indices and one real `wirewatch worker` process for this module."""
    bootstrap, url = embedded_stack
    tmp: Path = tmp_path_factory.mktemp("pipeline")
    settings = Settings(kafka_bootstrap=bootstrap, es_url=url, topic_prefix="pipe.", index_prefix="pipe-",
                        worker={"app_id": "wirewatch-pipeline-test", "data_dir": tmp / "worker"})
    run_setup(settings, wait_s=10)
    log_path = tmp / "worker.log"
    metrics_port = free_port()
    worker = spawn([sys.executable, "-m", "wirewatch", "worker"], log_path=log_path,
                   env={**os.environ, **settings_env(settings), "WIREWATCH_WORKER__METRICS_PORT": str(metrics_port)})
    client = make_client(settings)
    try:
        yield settings, client, log_path, metrics_port
    finally:
        terminate(worker)
        client.close()
        if worker.returncode not in (0, -15, None):
            print(log_path.read_text(errors="replace")[-5000:])


def _count(client, alias: str, query: dict | None = None) -> int:
    client.indices.refresh(index=alias)
    return client.count(index=alias, query=query or {"match_all": {}})["count"]


def _article(title: str, body: str, **extra) -> RawArticle:
    return RawArticle(id=article_id(None, title, body), source="file:test", title=title, body=body,
                      language="en", fetched_at=utcnow(), **extra)


def test_demo_articles_and_their_events_reach_the_index(pipeline):
    settings, client, log_path, metrics_port = pipeline
    articles = demo_articles()
    with ArticlePublisher(settings) as publisher:
        for article in articles:
            publisher.publish(article)
        publisher.flush()

    alias = f"{settings.index_prefix}articles"
    wait_for(lambda: _count(client, alias) >= len(articles), timeout=WORKER_READY_TIMEOUT,
             what=f"{len(articles)} demo articles in {alias} (worker log: {log_path})")
    assert _count(client, alias) == len(articles)

    doc = client.get(index=alias, id=articles[0].id)["_source"]
    tagged = article_from_document(doc)
    assert tagged.id == articles[0].id and tagged.title == articles[0].title
    assert tagged.places and tagged.entities and tagged.events
    for place in doc["places"]:
        if place["lat"] is not None:
            assert place["location"] == {"lat": place["lat"], "lon": place["lon"]}

    # Kharkiv resolves to Ukraine's Kharkiv (city or oblast), with coordinates near the city.
    hits = client.search(index=alias, query={"match": {"title": "Kharkiv"}})["hits"]["hits"]
    assert hits, "the Kharkiv demo article is not searchable by title"
    kharkiv = [p for p in hits[0]["_source"]["places"] if p["name"].startswith("Kharkiv")]
    assert kharkiv and all(p["country_code"] == "UA" for p in kharkiv)
    assert all(abs(p["lat"] - 49.98) < 0.5 and abs(p["lon"] - 36.25) < 0.5 for p in kharkiv)

    events_alias = f"{settings.index_prefix}events"
    expected_events = sum(len(TaggedArticle.model_validate_json(m.value).events)
                          for m in read_topic(settings, Topics(settings.topic_prefix).tagged, expect=len(articles)))
    wait_for(lambda: _count(client, events_alias) >= expected_events, timeout=60,
             what=f"{expected_events} events in {events_alias}")
    event_hits = client.search(index=events_alias, query={"exists": {"field": "location"}}, size=50)["hits"]["hits"]
    assert event_hits, "no event carries a location"
    for hit in event_hits:
        event = hit["_source"]
        event_from_document(event)
        first = next(p for p in event["places"] if p["lat"] is not None)
        assert event["location"] == {"lat": first["lat"], "lon": first["lon"]}

    # the worker's Prometheus endpoint counted what it did
    with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as response:
        exposition = response.read().decode()
    counted = {line.split(" ")[0]: float(line.split(" ")[1]) for line in exposition.splitlines()
               if line and not line.startswith("#")}
    assert counted["wirewatch_articles_tagged_total"] >= len(articles)
    assert counted[f'wirewatch_documents_indexed_total{{index="{alias}"}}'] >= len(articles)


def test_a_malformed_message_is_dead_lettered_and_the_stream_goes_on(pipeline):
    settings, client, *_ = pipeline
    topics = Topics(settings.topic_prefix)
    bad_value = b'{"id": "not-hex", "body": 42}'
    good = _article("Flood waters rise in Porto Alegre",
                    "Heavy rain flooded parts of Porto Alegre in Brazil on Monday, officials said.")
    with ArticlePublisher(settings) as publisher:
        publisher.publish_raw(key=b"bad-key", value=bad_value)
        publisher.publish(good)
        publisher.flush()

    alias = f"{settings.index_prefix}articles"
    wait_for(lambda: client.exists(index=alias, id=good.id), timeout=60, what="the good article indexed")
    letters = [m for m in read_topic(settings, topics.deadletter, expect=1) if m.key == b"bad-key"]
    assert len(letters) == 1
    letter = letters[0]
    assert letter.value == bad_value  # untouched
    envelope = DeadLetter.from_headers(letter.headers)
    assert envelope.stage == "validate"
    assert envelope.error_class == "UndecodableMessage"
    assert "id" in envelope.error_message
    assert envelope.source_topic == topics.raw
    assert envelope.source_offset >= 0 and envelope.source_partition >= 0


def test_republishing_an_article_does_not_duplicate_it(pipeline):
    settings, client, *_ = pipeline
    article = _article("Talks resume in Geneva",
                       "Delegations from both sides met in Geneva on Tuesday to discuss a ceasefire.")
    alias = f"{settings.index_prefix}articles"
    with ArticlePublisher(settings) as publisher:
        publisher.publish(article)
        publisher.flush()
    wait_for(lambda: client.exists(index=alias, id=article.id), timeout=60, what="first copy indexed")
    first_tagged_at = client.get(index=alias, id=article.id)["_source"]["tagged_at"]
    with ArticlePublisher(settings) as publisher:
        publisher.publish(article)
        publisher.flush()
    # the second copy is processed (its tagged_at moves on or stays) but never adds a document
    tagged = Topics(settings.topic_prefix).tagged
    wait_for(lambda: sum(m.key == article.id.encode() for m in read_topic(settings, tagged, expect=10_000, timeout=3)) >= 2,
             timeout=60, what="the re-published article tagged a second time")
    wait_for(lambda: client.get(index=alias, id=article.id)["_version"] >= 2, timeout=30,
             what="the second copy written over the first")
    assert _count(client, alias, {"term": {"id": article.id}}) == 1
    assert client.get(index=alias, id=article.id)["_source"]["tagged_at"] >= first_tagged_at
    hits = client.search(index=alias, query={"term": {"title.keyword": "Talks resume in Geneva"}})["hits"]
    assert hits["total"]["value"] == 1
    assert json.dumps(hits["hits"][0]["_source"]["id"]) == json.dumps(article.id)


def test_an_article_that_fails_tagging_is_dead_lettered_untouched(pipeline):
    settings, client, *_ = pipeline
    topics = Topics(settings.topic_prefix)
    huge = _article("A very long record", "Protesters marched in Lima. " * 9_000)  # > tag_max_chars
    after = _article("Quake shakes Lima", "An earthquake shook Lima in Peru on Sunday, officials said.")
    with ArticlePublisher(settings) as publisher:
        publisher.publish(huge)
        publisher.publish(after)
        publisher.flush()
    alias = f"{settings.index_prefix}articles"
    wait_for(lambda: client.exists(index=alias, id=after.id), timeout=60, what="the next article indexed")
    letters = [m for m in read_topic(settings, topics.deadletter, expect=2, timeout=20) if m.key == huge.id.encode()]
    assert len(letters) == 1
    assert RawArticle.model_validate_json(letters[0].value) == huge
    envelope = DeadLetter.from_headers(letters[0].headers)
    assert (envelope.stage, envelope.error_class) == ("tag", "ArticleTooLong")
    assert "WIREWATCH_TAG_MAX_CHARS" in envelope.error_message
    assert not client.exists(index=alias, id=huge.id)
