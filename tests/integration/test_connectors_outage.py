"""The publisher through a broker kill -9 and restart (its own embedded broker, memory only).

A restarted embedded broker has forgotten the idempotent producer's id. Before
the fix the producer either failed for good, or, when the new broker had given
the same id to another producer, was told its records were duplicates
(offset -1) although nothing was written: the webhook answered 202 for
articles that never reached the raw topic.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.publisher import ArticlePublisher
from connectors.records import build_article
from connectors.sends import SendBufferFullError
from core.settings import Settings
from core.topics import Topics
from tests.integration.helpers import private_brokers, wait_for
from tests.support.topics import TopicReader
from wirewatch.embedded import EmbeddedServer, start_broker
from wirewatch.topic_setup import ensure_topics

pytestmark = pytest.mark.integration


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[list[EmbeddedServer]]:
    """A broker of this test only, in a list so a test can replace it."""
    yield from private_brokers(tmp_path)


def restart(broker: list[EmbeddedServer], tmp_path: Path, *, down_s: float = 0.5) -> None:
    old = broker[0]
    old.process.kill()
    old.process.wait()
    time.sleep(down_s)
    host, port = old.url.rsplit(":", 1)
    broker.append(start_broker(host, int(port), log_dir=tmp_path / f"run{len(broker)}"))


def settings_for(broker: list[EmbeddedServer], **connectors: object) -> Settings:
    base = Settings(kafka_bootstrap=broker[0].url, es_url="http://127.0.0.1:9")
    return base.model_copy(update={"topic_prefix": f"o{uuid.uuid4().hex[:6]}.",
                                   "connectors": base.connectors.model_copy(update=connectors)})


def articles(tag: str, count: int) -> list:
    return [build_article({"title": f"{tag} {n}", "body": "b"}, source="http:test") for n in range(count)]


def raw_keys(settings: Settings, expect: int) -> Counter:
    records = TopicReader(settings.bootstrap, Topics(settings.topic_prefix).raw).read(expect=expect, timeout=20)
    return Counter(r.key.decode() for r in records)


def test_after_a_restart_sends_are_written_even_when_the_producer_id_was_given_to_another(
    broker: list[EmbeddedServer], tmp_path: Path
) -> None:
    settings = settings_for(broker)
    ensure_topics(settings)
    with ArticlePublisher(settings) as publisher:
        for delivery in [publisher.publish(a) for a in articles("before", 5)]:
            delivery.get(10)
        restart(broker, tmp_path)
        ensure_topics(settings)
        with ArticlePublisher(settings) as other:  # takes producer id 1 on the new broker, as ours had
            for a in articles("other", 20):
                other.publish(a)
        wanted = articles("after", 10)
        started = time.monotonic()
        offsets = [publisher.publish(a).get(20).offset for a in wanted]
        took = time.monotonic() - started
    assert min(offsets) >= 0
    keys = raw_keys(settings, 30)
    assert {a.id for a in wanted} <= set(keys) and max(keys.values()) == 1
    print(f"\nrestart, producer id reused: 10 sent, 10 acknowledged, 10 in the topic, 0 lost; {took:.1f} s")


def test_sends_made_during_the_outage_are_delivered_once_the_broker_is_back(
    broker: list[EmbeddedServer], tmp_path: Path
) -> None:
    settings = settings_for(broker, delivery_timeout_s=20.0)
    ensure_topics(settings)
    with ArticlePublisher(settings) as publisher:
        publisher.publish(articles("warm", 1)[0]).get(10)
        old = broker[0]
        old.process.kill()
        old.process.wait()
        wanted = articles("during", 20)
        deliveries = [publisher.publish(a) for a in wanted]
        time.sleep(2.0)
        host, port = old.url.rsplit(":", 1)
        broker.append(start_broker(host, int(port), log_dir=tmp_path / "run1"))
        back = time.monotonic()
        ensure_topics(settings)
        for delivery in deliveries:
            delivery.get(25)
        took = time.monotonic() - back
    keys = raw_keys(settings, 20)
    assert set(keys) == {a.id for a in wanted} and max(keys.values()) == 1
    print(f"\noutage of 2 s: 20 sent during it, 20 delivered once, 0 lost; {took:.1f} s after the broker was back")


def test_failed_sends_wait_in_a_bounded_buffer(broker: list[EmbeddedServer], tmp_path: Path) -> None:
    settings = settings_for(broker, delivery_timeout_s=6.0, send_buffer_records=5)
    ensure_topics(settings)
    publisher = ArticlePublisher(settings)
    try:
        publisher.publish(articles("warm", 1)[0]).get(10)
        broker[0].process.kill()
        broker[0].process.wait()
        first = publisher.publish(articles("first", 1)[0])
        # the producer holds the send past its deadline, is given up and cannot be replaced
        wait_for(lambda: publisher.outage and first.is_done, timeout=20, what="the publisher in outage mode")
        deliveries = [publisher.publish(a) for a in articles("while-away", 12)]
        full = [d for d in deliveries if d.failed() and isinstance(d.exception, SendBufferFullError)]
        assert len(full) == 12 - 5, [type(d.exception).__name__ for d in deliveries if d.is_done]
        assert "SEND_BUFFER_RECORDS" in str(full[0].exception)
        host, port = broker[0].url.rsplit(":", 1)
        broker.append(start_broker(host, int(port), log_dir=tmp_path / "run1"))
        ensure_topics(settings)
        waiting = [d for d in deliveries if d not in full]
        wait_for(lambda: all(d.is_done for d in waiting), timeout=15, what="the buffered sends settled")
        delivered = sum(1 for d in waiting if d.succeeded())
    finally:
        publisher.close(5)
    assert delivered == 5
    assert len(raw_keys(settings, 5)) == 5
