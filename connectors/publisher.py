"""Publishing RawArticles to ``{prefix}articles.raw``.

Delivery guarantee: at-least-once towards the caller who checks the result.
The producer is idempotent (``acks="all"``, ``enable_idempotence=True``), so
broker-side retries never duplicate a message; the key is the article id, so
a re-publish after a crash lands on the same partition with the same id and
downstream writes (Elasticsearch ``_id`` = article id) stay idempotent.
:meth:`ArticlePublisher.flush` turns anything the broker did not acknowledge
into a :class:`~connectors.errors.DeliveryError` instead of a silent loss.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

from kafka import KafkaProducer
from kafka.errors import KafkaError
from kafka.producer.future import FutureProduceResult
from kafka.producer.future import FutureRecordMetadata as Future
from kafka.structs import TopicPartition

from connectors.errors import BrokerUnavailableError, DeliveryError
from core.kafka_options import client_options
from core.metrics import connector_counter, produced_counter
from core.settings import Settings, get_settings
from core.topics import Topics
from schemas.articles import RawArticle

log = logging.getLogger(__name__)

DEFAULT_LINGER_MS = 5
DEFAULT_MAX_REQUEST_SIZE = 8 * 1024 * 1024
PRUNE_EVERY = 10_000

DeliveryCallback = Callable[[RawArticle, BaseException | None], None]
"""Called once per article: ``(article, None)`` when acknowledged, else ``(article, error)``."""


def producer_config(settings: Settings) -> dict[str, Any]:
    """kafka-python producer options: the shared client options plus idempotence.

    Args:
        settings: the wirewatch settings (broker, security, compression).

    Returns:
        Keyword arguments for :class:`kafka.KafkaProducer`.
    """
    compression = settings.kafka.compression_type
    return {
        **client_options(settings),
        "client_id": "wirewatch-connectors",
        "acks": "all",
        "enable_idempotence": True,
        "compression_type": None if compression == "none" else compression,
        "linger_ms": DEFAULT_LINGER_MS,
        "max_request_size": DEFAULT_MAX_REQUEST_SIZE,
    }


def _failed_future(topic: str, error: KafkaError) -> Future:
    """A future already failed with ``error`` (for errors ``send`` raises synchronously)."""
    produce = FutureProduceResult(TopicPartition(topic, -1))
    future = Future(produce, -1, -1, None, -1, -1, -1)
    produce.failure(error)
    return future


def _count(counter: Any, _result: object) -> None:
    """A future's callback: one more for ``counter`` (the result is not needed)."""
    counter.inc()


def _count_all(counters: tuple[Any, ...], _result: object) -> None:
    """A future's callback: one more for each of ``counters``."""
    for counter in counters:
        counter.inc()


class ArticlePublisher:
    """An idempotent Kafka producer for RawArticles; use it as a context manager.

    Example::

        with ArticlePublisher(settings) as publisher:
            for article in articles:
                publisher.publish(article)
            publisher.flush()          # raises DeliveryError listing lost ids
    """

    def __init__(self, settings: Settings | None = None, *, topic: str | None = None) -> None:
        self.settings = settings or get_settings()
        self.topic = topic or Topics(self.settings.topic_prefix).raw
        try:
            self._producer = KafkaProducer(**producer_config(self.settings))
        except KafkaError as exc:
            raise BrokerUnavailableError(
                f"cannot reach the Kafka broker at {self.settings.bootstrap} ({exc}); start it "
                "with `wirewatch up` or set WIREWATCH_KAFKA_BOOTSTRAP"
            ) from exc
        self._lock = threading.Lock()
        self._sent: list[tuple[bytes | None, Future]] = []
        self._prune_at = PRUNE_EVERY
        self._produced = produced_counter(self.topic)
        self._by_source: dict[str, tuple[tuple[Any, ...], Any]] = {}

    def publish(self, article: RawArticle, on_delivered: DeliveryCallback | None = None) -> Future:
        """Send one article; returns a future resolved when the broker acknowledges it.

        Args:
            article: the article; its id is the key, its JSON the value.
            on_delivered: called from the producer's I/O thread once the send
                settles, with ``(article, None)`` or ``(article, error)``. Keep it short.

        Returns:
            The kafka-python future (``.get()`` gives the RecordMetadata).
        """
        value = article.model_dump_json().encode("utf-8")
        counters = self._by_source.get(article.source)
        if counters is None:
            counters = self._by_source[article.source] = (
                (self._produced, connector_counter(article.source, "published")),
                connector_counter(article.source, "errors"))
        # Counted when the broker answers: /metrics shows what was really published.
        future = self.publish_raw(article.id.encode("utf-8"), value, counters=counters[0])
        future.add_errback(_count, counters[1])
        if on_delivered is not None:
            future.add_callback(lambda _md: on_delivered(article, None))
            future.add_errback(lambda exc: on_delivered(article, exc))
        return future

    def publish_raw(self, key: bytes | None, value: bytes, *, counters: tuple[Any, ...] = ()) -> Future:
        """Send raw bytes (tests use this for malformed messages); tracked like :meth:`publish`.

        ``counters`` are incremented once the broker acknowledges (by default
        ``messages_produced_total`` of the topic).
        """
        try:
            future = self._producer.send(self.topic, key=key, value=value)
        except KafkaError as exc:  # e.g. too large: fail the future, as broker errors do
            future = _failed_future(self.topic, exc)
        future.add_callback(_count_all, counters or (self._produced,))
        with self._lock:
            # a list append, not a callback per send: tracking must stay cheap
            # (benchmarks/bench_publish.py); settled sends are pruned in bulk
            self._sent.append((key, future))
            if len(self._sent) >= self._prune_at:
                self._prune()
        return future

    def _prune(self) -> None:
        """Forget acknowledged sends; keep failed and in-flight ones for :meth:`flush`."""
        kept = [(k, f) for k, f in self._sent if not f.is_done or f.failed()]
        self._sent = kept
        self._prune_at = max(PRUNE_EVERY, 2 * len(self._sent))

    @property
    def in_flight(self) -> int:
        """How many sends the broker has not settled yet."""
        with self._lock:
            return sum(1 for _, f in self._sent if not f.is_done)

    def flush(self, timeout: float | None = None) -> None:
        """Wait for every send; raise if any was not acknowledged.

        Args:
            timeout: seconds to wait at most; None waits for the producer's own timeouts.

        Raises:
            DeliveryError: listing the ids that failed since the last flush or
                are still unacknowledged at the timeout. They are reported
                once; re-publish them to retry.
        """
        try:
            self._producer.flush(timeout=timeout)
        except KafkaError as exc:  # kafka-python raises KafkaTimeoutError on timeout
            log.warning("flush did not complete: %s", exc)
        with self._lock:
            sent, self._sent = self._sent, []
            self._prune_at = PRUNE_EVERY
        undelivered: dict[str, BaseException | None] = {}
        for key, future in sent:
            if not future.is_done or future.failed():
                name = key.decode("utf-8", "replace") if key else "<no key>"
                undelivered[name] = future.exception if future.is_done else None
        if undelivered:
            raise DeliveryError(undelivered)

    def close(self, timeout: float | None = None) -> None:
        """Flush what is pending (errors are logged, not raised) and close the producer."""
        try:
            self.flush(timeout)
        except DeliveryError as exc:
            log.error("%s", exc)
        finally:
            self._producer.close(timeout=timeout)

    def __enter__(self) -> ArticlePublisher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            try:
                self.flush()
            finally:
                self._producer.close()
        else:
            self.close()
