"""A private embedded stack with a supervised worker, for fault tests.

The fault tests stop (SIGSTOP) and kill processes, so they get their own
broker and search engine rather than the session's. :class:`FaultStack`
publishes, counts what reached the index and the dead-letter topic, reads
committed offsets and, like ``wirewatch up``, restarts the worker when it
exits (and counts the restarts).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kafka import KafkaAdminClient, KafkaProducer, TopicPartition

from core.kafka_options import consumer_options
from core.search_client import make_client
from core.settings import Settings
from core.topic_reader import TopicReader
from core.topics import Topics
from schemas import DeadLetter, RawArticle, TaggedArticle, article_id, utcnow
from tests.conftest import settings_env
from tests.integration.helpers import wait_for
from wirewatch.commands.setup import run_setup
from wirewatch.embedded import EmbeddedServer, free_port, start_broker, start_search
from wirewatch.processes import spawn, terminate

MAX_ARTICLE_BYTES = 64 * 1024  # small, so oversized messages are cheap to make
WORKER_READY_TIMEOUT = 120.0


def article(title: str, body: str, *, url: str | None = None) -> RawArticle:
    return RawArticle(id=article_id(url, title, body), url=url, source="file:faults", title=title,
                      body=body, language="en", fetched_at=utcnow())


def good_articles(tag: str, n: int) -> list[RawArticle]:
    """``n`` short distinct articles that produce events, titled with ``tag``."""
    cities = ["Lima", "Kharkiv", "Aleppo", "Nairobi", "Manila", "Quito", "Dhaka", "Accra"]
    return [article(f"{tag} {i}: protest in {cities[i % len(cities)]}",
                    f"Report {tag}-{i}. Thousands of protesters marched in {cities[i % len(cities)]} on Monday "
                    f"against rising fuel prices. Police arrested {i % 40 + 2} demonstrators near parliament.")
            for i in range(n)]


@dataclass
class FaultStack:
    """Broker, search engine, topics, indices and one supervised worker."""

    tmp: Path
    broker: EmbeddedServer
    search: EmbeddedServer
    settings: Settings
    worker: Any = None
    worker_env: dict[str, str] = field(default_factory=dict)  # on top of the settings' environment
    restarts: int = 0  # exits the supervisor saw that nobody asked for
    worker_log_start: int = 0  # where the current worker's lines begin in the log
    others: list[Any] = field(default_factory=list)  # workers started by start_second_worker
    log_path: Path = field(init=False)
    _expected_exits: int = field(default=0, repr=False)
    _supervising: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        self.log_path = self.tmp / "worker.log"
        self.topics = Topics(self.settings.topic_prefix)
        self.client = make_client(self.settings)

    # -- processes -------------------------------------------------------------------------

    def _worker_env(self) -> dict[str, str]:
        return {**os.environ, **settings_env(self.settings),
                "WIREWATCH_MAX_ARTICLE_BYTES": str(self.settings.max_article_bytes),
                "WIREWATCH_WORKER__TAG_BATCH_SIZE": str(self.settings.worker.tag_batch_size),
                "WIREWATCH_SEARCH__RETRY_MAX_BACKOFF_S": "2",
                # shorter than the stalls, so they end in timeouts and retries, not in long waits
                "WIREWATCH_SEARCH__REQUEST_TIMEOUT_S": "4",
                "WIREWATCH_KAFKA__REQUEST_TIMEOUT_MS": "8000",  # > session timeout (6 s), faust insists
                **self.worker_env}

    def start_worker(self) -> None:
        self.worker_log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
        self.worker = spawn([sys.executable, "-m", "wirewatch", "worker"], log_path=self.log_path,
                            env=self._worker_env())

    def start_second_worker(self) -> Any:
        """Another worker of the same group (not supervised; :meth:`stop` ends it): it makes a rebalance."""
        second = spawn([sys.executable, "-m", "wirewatch", "worker"], log_path=self.tmp / "worker-2.log",
                       env=self._worker_env())
        self.others.append(second)
        return second

    def supervise(self) -> None:
        """Restart the worker whenever it exits, as ``wirewatch up`` does (counted in ``restarts``)."""
        self._supervising = True

        def watch() -> None:
            while self._supervising:
                if self.worker is not None and self.worker.poll() is not None:
                    if self._expected_exits:
                        self._expected_exits -= 1
                    else:
                        self.restarts += 1
                    self.start_worker()
                time.sleep(0.2)

        threading.Thread(target=watch, name="fault-supervisor", daemon=True).start()

    def kill_worker(self) -> None:
        """SIGKILL the worker's whole process group; the supervisor restarts it (not counted as a crash)."""
        worker = self.worker
        self._expected_exits += 1
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)

    def stop(self) -> None:
        self._supervising = False
        time.sleep(0.3)
        for worker in [self.worker, *self.others]:
            if worker is not None:
                terminate(worker)
        self.client.close()
        self.broker.stop()
        self.search.stop()

    # -- input -----------------------------------------------------------------------------

    def producer(self) -> KafkaProducer:
        """A plain producer that takes messages of any size (to get oversized ones onto the topic)."""
        return KafkaProducer(bootstrap_servers=self.settings.bootstrap, acks="all",
                             max_request_size=16 * 1024 * 1024, linger_ms=5)

    def send(self, messages: list[tuple[bytes | None, bytes, list[tuple[str, bytes]]]]) -> None:
        """Put ``(key, value, headers)`` messages on the raw topic, acknowledged."""
        producer = self.producer()
        try:
            futures = [producer.send(self.topics.raw, key=k, value=v, headers=h) for k, v, h in messages]
            producer.flush()
            for future in futures:
                future.get(timeout=30)
        finally:
            producer.close()

    def publish(self, articles: list[RawArticle]) -> None:
        self.send([(a.id.encode(), a.model_dump_json().encode(), []) for a in articles])

    # -- output ----------------------------------------------------------------------------

    def alias(self, kind: str) -> str:
        return f"{self.settings.index_prefix}{kind}"

    def doc_ids(self, kind: str, query: dict | None = None) -> list[str]:
        """Every document ``_id`` of the alias matching ``query`` (duplicates kept)."""
        alias = self.alias(kind)
        self.client.indices.refresh(index=alias)
        hits = self.client.search(index=alias, query=query or {"match_all": {}}, size=10_000,
                                  source=False)["hits"]["hits"]
        return [hit["_id"] for hit in hits]

    def count(self, kind: str, query: dict | None = None) -> int:
        alias = self.alias(kind)
        self.client.indices.refresh(index=alias)
        return int(self.client.count(index=alias, query=query or {"match_all": {}})["count"])

    def read(self, topic: str, idle_s: float = 1.0) -> list[Any]:
        """Every record of ``topic``, read until quiet (no end offsets trusted)."""
        with TopicReader(topic, consumer_options(self.settings), appear_timeout=5) as reader:
            return list(reader.drain(idle_s))

    def letters(self) -> list[Any]:
        return self.read(self.topics.deadletter)

    def ends(self, topic: str) -> dict[int, int]:
        """Next offset per partition, from reading the topic (Tansu under-reports end offsets)."""
        ends: dict[int, int] = {}
        for record in self.read(topic, idle_s=0.5):
            ends[record.partition] = max(ends.get(record.partition, 0), record.offset + 1)
        return ends

    def committed(self, topic: str) -> dict[int, int]:
        group = self.settings.worker.app_id
        partitions = [TopicPartition(topic, p) for p in range(self.settings.kafka.partitions)]
        admin = KafkaAdminClient(bootstrap_servers=self.settings.bootstrap)
        try:
            offsets = admin.list_group_offsets({group: partitions})[group]
        finally:
            admin.close()
        return {tp.partition: meta.offset for tp, meta in offsets.items() if meta.offset >= 0}

    def wait_committed_to_end(self, timeout: float = 30.0) -> None:
        """Every consumed topic's group offsets reach the end of the topic."""
        for topic in (self.topics.raw, self.topics.tagged, self.topics.events):
            def at_end(topic: str = topic) -> bool:
                ends = self.ends(topic)
                committed = self.committed(topic)
                return all(committed.get(p, 0) >= end for p, end in ends.items())
            wait_for(at_end, timeout=timeout, interval=1.0, what=f"offsets of {topic} committed to its end")

    def wait_indexed(self, kind: str, ids: set[str], *, timeout: float) -> float:
        """Wait until every id is in the alias; return the seconds it took."""
        started = time.monotonic()

        def present() -> bool:
            found = set(self.doc_ids(kind, {"ids": {"values": sorted(ids)}}))
            return found >= ids

        wait_for(present, timeout=timeout, interval=0.5, what=f"{len(ids)} documents in {self.alias(kind)} "
                 f"(worker log: {self.log_path})")
        return time.monotonic() - started

    def assert_no_duplicates(self, kind: str) -> None:
        ids = self.doc_ids(kind)
        duplicates = [i for i, n in Counter(ids).items() if n > 1]
        assert not duplicates, f"duplicate documents in {self.alias(kind)}: {duplicates[:5]}"

    def events_of(self, ids: set[str]) -> set[str]:
        """Event ids of the last tagged version of each article in ``ids``."""
        latest: dict[str, TaggedArticle] = {}
        for record in self.read(self.topics.tagged):
            tagged = TaggedArticle.model_validate_json(record.value)
            if tagged.id in ids:
                latest[tagged.id] = tagged
        assert set(latest) == ids
        return {event.id for article in latest.values() for event in article.events}

    def check_delivered(self, ids: set[str], *, timeout: float) -> tuple[float, set[str]]:
        """Every article and its events indexed exactly once; returns (seconds, event ids)."""
        seconds = self.wait_indexed("articles", ids, timeout=timeout)
        events = self.events_of(ids)
        seconds += self.wait_indexed("events", events, timeout=60)
        indexed = self.doc_ids("articles", {"ids": {"values": sorted(ids)}})
        assert sorted(indexed) == sorted(ids)
        by_article = self.doc_ids("events", {"terms": {"article_id": sorted(ids)}})
        assert sorted(by_article) == sorted(events)
        self.assert_no_duplicates("articles")
        self.assert_no_duplicates("events")
        return seconds, events

    def envelopes(self) -> list[tuple[Any, DeadLetter]]:
        return [(record, DeadLetter.from_headers(record.headers)) for record in self.letters()]


def start_fault_stack(tmp: Path, tag: str, *, supervised: bool = True,
                      worker_env: dict[str, str] | None = None) -> FaultStack:
    """A private broker and search engine with topics and indices for ``tag``, and a started worker.

    ``supervised``: restart the worker whenever it exits; ``worker_env``: extra worker environment.
    """
    logs = tmp / "services"
    broker = start_broker("127.0.0.1", free_port(), log_dir=logs)
    search = start_search("127.0.0.1", free_port(), log_dir=logs)
    settings = Settings(
        kafka_bootstrap=broker.url, es_url=search.url, topic_prefix=f"{tag}.", index_prefix=f"{tag}-",
        max_article_bytes=MAX_ARTICLE_BYTES,
        worker={"app_id": f"wirewatch-{tag}", "data_dir": tmp / "worker"},
    )
    run_setup(settings, wait_s=20)
    stack = FaultStack(tmp, broker, search, settings, worker_env=worker_env or {})
    stack.start_worker()
    if supervised:
        stack.supervise()
    warm_up = good_articles("warm-up", 1)
    stack.publish(warm_up)  # the first worker takes a while to load its models and join the group
    stack.wait_indexed("articles", {warm_up[0].id}, timeout=WORKER_READY_TIMEOUT)
    return stack
