"""The consumer guide's examples (docs/examples) read real events from the embedded broker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from kafka import KafkaProducer
from node_support import NODE_DIR, require_node

from core.settings import Settings
from core.topics import Topics
from schemas import Entity, Event, EventMessage, Mention, Place, TaggedArticle, article_id, utcnow
from streams.indexing.documents import event_messages
from wirewatch.topic_setup import ensure_topics

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "docs" / "examples"
BODY = "Turkish troops shelled Kobani on Monday, Syrian Kurds said."


def events() -> list[EventMessage]:
    sentence = Mention(field="body", start=0, end=len(BODY), text=BODY)
    article = TaggedArticle(
        id=article_id("https://example.org/kobani"), url="https://example.org/kobani", source="rss:example",
        title="Shelling near Kobani", body=BODY, fetched_at=utcnow(), published_at=utcnow(),
        entities=[Entity(id="group:turks", name="Turks", type="GROUP", salience=0.7),
                  Entity(id="group:kurds", name="Kurds", type="GROUP", salience=0.3)],
        places=[Place(id="geonames:170794", name="Kobani", geonames_id=170794, feature="city",
                      country_code="SY", lat=36.89, lon=38.35, confidence=0.9, salience=1)],
        events=[Event(id=f"e{i}", category=category, sentence=sentence, actors=["group:turks"],
                      targets=["geonames:170794"], place_ids=["geonames:170794"], confidence=0.8)
                for i, category in enumerate(("ASSAULT", "ACCUSE", "THREATEN"))],
        story_id="s", tagged_at=utcnow(), tagger_version="test")
    return event_messages(article)


@pytest.fixture
def events_topic(isolated_settings: Settings) -> tuple[Settings, str]:
    """An events topic holding three events, the last one from a 'newer producer' (an extra field)."""
    ensure_topics(isolated_settings)
    topic = Topics(isolated_settings.topic_prefix).events
    producer = KafkaProducer(bootstrap_servers=isolated_settings.bootstrap.split(","), acks="all")
    messages = [m.model_dump(mode="json") for m in events()]
    messages[-1]["sentiment"] = -0.4  # added by a later version: consumers must not mind
    for message in messages:
        producer.send(topic, key=message["id"].encode(), value=json.dumps(message).encode())
    producer.flush(30)
    producer.close()
    return isolated_settings, topic


def read_lines(result: subprocess.CompletedProcess[str]) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def check(lines: list[dict]) -> None:
    assert [line["id"] for line in lines] == ["e0", "e1", "e2"]
    assert all(line["actors"] == ["Turks (GROUP)"] for line in lines)
    assert all(line["places"] == ["Kobani (PLACE)"] for line in lines)
    assert lines[0]["category"] == "ASSAULT"


def test_the_python_example_reads_every_event_with_names(events_topic):
    settings, topic = events_topic
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "consume_events.py"), "--bootstrap", settings.bootstrap,
         "--topic", topic, "--group", f"example-{uuid.uuid4().hex[:6]}", "--max", "3", "--timeout", "90"],
        capture_output=True, text=True, timeout=120)
    check(read_lines(result))
    elapsed = time.monotonic() - started
    print(f"python example: 3 events in {elapsed:.1f} s (shared CPU: noisy)")
    assert elapsed < 60


def test_the_confluent_kafka_example_gets_its_first_events_in_seconds(events_topic):
    pytest.importorskip("confluent_kafka", reason="pip install -e '.[test]' installs confluent-kafka")
    settings, topic = events_topic
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "consume_events_confluent.py"), "--bootstrap", settings.bootstrap,
         "--topic", topic, "--group", f"example-{uuid.uuid4().hex[:6]}", "--max", "3", "--timeout", "90"],
        capture_output=True, text=True, timeout=120)
    check(read_lines(result))
    elapsed = time.monotonic() - started
    print(f"confluent-kafka example: 3 events in {elapsed:.1f} s (librdkafka defaults: ~23 s)")
    # With librdkafka's default 45 s session timeout the first message took ~23 s here.
    assert elapsed < 15


def test_the_node_example_validates_and_reads_every_event(events_topic):
    node = require_node("kafkajs")
    settings, topic = events_topic
    env = {**os.environ, "NODE_PATH": str(NODE_DIR / "node_modules")}
    started = time.monotonic()
    result = subprocess.run(
        [node, str(EXAMPLES / "consume-events.js"), "--bootstrap", settings.bootstrap, "--topic", topic,
         "--group", f"example-{uuid.uuid4().hex[:6]}", "--max", "3"],
        capture_output=True, text=True, timeout=120, env=env)
    check(read_lines(result))
    assert "invalid event" not in result.stderr
    elapsed = time.monotonic() - started
    print(f"node example: 3 events in {elapsed:.1f} s (shared CPU: noisy)")
    assert elapsed < 60


def test_the_node_example_reports_an_event_that_breaks_the_contract(isolated_settings):
    node = require_node("ajv")
    ensure_topics(isolated_settings)
    topic = Topics(isolated_settings.topic_prefix).events
    good, *_ = [m.model_dump(mode="json") for m in events()]
    bad = {**good, "id": "bad", "category": "FIGHT", "published_at": "yesterday"}
    producer = KafkaProducer(bootstrap_servers=isolated_settings.bootstrap.split(","), acks="all")
    # One partition for both, so the bad event is read before the good one that ends the run.
    for message in (bad, good):
        producer.send(topic, key=message["id"].encode(), value=json.dumps(message).encode(), partition=0)
    producer.flush(30)
    producer.close()
    env = {**os.environ, "NODE_PATH": str(NODE_DIR / "node_modules")}
    result = subprocess.run(
        [node, str(EXAMPLES / "consume-events.js"), "--bootstrap", isolated_settings.bootstrap,
         "--topic", topic, "--group", f"example-{uuid.uuid4().hex[:6]}", "--max", "1"],
        capture_output=True, text=True, timeout=120, env=env)
    assert [line["id"] for line in read_lines(result)] == ["e0"]
    assert "invalid event bad" in result.stderr
    assert "category" in result.stderr and "published_at" in result.stderr
