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
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from kafka import KafkaProducer
from kafka.errors import KafkaError
from kafka.producer.future import FutureRecordMetadata

from connectors.errors import BrokerUnavailableError, DeliveryError
from connectors.producer_slot import ProducerSlot, producer_config
from connectors.resend import Resender
from connectors.sends import (
    Delivery,
    LostAcknowledgementError,
    SendBufferFullError,
    breaks_producer,
    is_retriable,
)
from core.limits import ArticleTooLarge, check_article_size
from core.metrics import connector_counter, produced_counter
from core.settings import Settings, get_settings
from core.topics import Topics
from schemas.articles import RawArticle

log = logging.getLogger(__name__)

PRUNE_EVERY = 10_000
# a producer holding a send this long past its deadline is replaced
STUCK_GRACE_S = 1.0

DeliveryCallback = Callable[[RawArticle, BaseException | None], None]
"""Called once per article: ``(article, None)`` when acknowledged, else ``(article, error)``."""


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
            self._slot = ProducerSlot(lambda **extra: KafkaProducer(**producer_config(self.settings), **extra))
        except KafkaError as exc:
            raise BrokerUnavailableError(
                f"cannot reach the Kafka broker at {self.settings.bootstrap} ({exc}); start it "
                "with `wirewatch up` or set WIREWATCH_KAFKA_BOOTSTRAP"
            ) from exc
        self._lock = threading.Lock()
        self._sent: list[tuple[bytes | None, Delivery]] = []
        self._prune_at = PRUNE_EVERY
        self._produced = produced_counter(self.topic)
        self._by_source: dict[str, tuple[tuple[Any, ...], Any]] = {}
        cfg = self.settings.connectors
        self._retry_window_s = cfg.delivery_timeout_s
        self._resender = Resender(self._send, self._slot.renew, capacity=cfg.send_buffer_records,
                                  check=self._check_stuck)
        self._resender.start()

    def publish(self, article: RawArticle, on_delivered: DeliveryCallback | None = None) -> Delivery:
        """Send one article; returns a future resolved when the broker acknowledges it.

        Args:
            article: the article; its id is the key, its JSON the value.
            on_delivered: called from the producer's I/O thread once the send
                settles, with ``(article, None)`` or ``(article, error)``. Keep it short.

        Returns:
            A future settled once (``.get()`` gives the RecordMetadata). Sends
            that fail during an outage are retried, on a new producer when
            the old one broke, until ``connectors.delivery_timeout_s``. An
            article over ``WIREWATCH_MAX_ARTICLE_BYTES`` gets a future failed
            with :class:`core.limits.ArticleTooLarge`; nothing is sent.
        """
        value = article.model_dump_json().encode("utf-8")
        counters = self._by_source.get(article.source)
        if counters is None:
            counters = self._by_source[article.source] = (
                (self._produced, connector_counter(article.source, "published")),
                connector_counter(article.source, "errors"))
        key = article.id.encode("utf-8")
        try:
            check_article_size(len(value), self.settings, what=f"article {article.id}")
        except ArticleTooLarge as exc:  # a per-item failure, reported like a broker refusal
            future = Delivery(key, value, 0.0, self).failure(exc)
            with self._lock:
                self._sent.append((key, future))
        else:
            # Counted when the delivery settles (once, retries included): /metrics shows what was really published.
            future = self.publish_raw(key, value, counters=counters[0])
        future.add_errback(_count, counters[1])
        if on_delivered is not None:
            future.add_callback(lambda _md: on_delivered(article, None))
            future.add_errback(lambda exc: on_delivered(article, exc))
        return future

    def publish_raw(self, key: bytes | None, value: bytes, *, counters: tuple[Any, ...] = ()) -> Delivery:
        """Send raw bytes (tests use this for malformed messages); tracked like :meth:`publish`.

        ``counters`` are incremented once the broker acknowledges (by default
        ``messages_produced_total`` of the topic).
        """
        delivery = Delivery(key, value, time.monotonic() + self._retry_window_s, self)
        delivery.add_callback(_count_all, counters or (self._produced,))
        with self._lock:
            # a list append, not a callback per send: tracking must stay cheap
            # (benchmarks/bench_publish.py); settled sends are pruned in bulk
            self._sent.append((key, delivery))
            if len(self._sent) >= self._prune_at:
                self._prune()
        self._send(delivery)
        return delivery

    def _send(self, delivery: Delivery) -> None:
        """Hand ``delivery`` to the current producer (also called by the resender)."""
        delivery.attempts += 1
        producer, generation, broken = self._slot.current()
        if broken:  # do not feed a producer that is being replaced
            self.on_error(delivery, -1, delivery.last_error or KafkaError("producer being replaced"))
            return
        delivery.generation = generation
        try:
            future: FutureRecordMetadata = producer.send(self.topic, key=delivery.key, value=delivery.value)
        except KafkaError as exc:  # e.g. too large, or a producer in a fatal state
            self.on_error(delivery, generation, exc)
            return
        future.add_callback(delivery.acked)
        future.add_errback(delivery.errored)

    def on_ack(self, delivery: Delivery, metadata: Any) -> None:
        """A send was acknowledged (runs on the producer's I/O thread)."""
        if metadata.offset < 0:
            # DUPLICATE_SEQUENCE_NUMBER, which kafka-python counts as success: a
            # restarted broker forgot our producer id and gave it to another
            # producer, whose sequence numbers are ahead. Nothing was written.
            self.on_error(delivery, delivery.generation, LostAcknowledgementError(
                f"the broker acknowledged {self.topic}:{metadata.partition} without writing (offset -1); "
                "it probably restarted"))
            return
        self._resender.acknowledged()
        delivery.success(metadata)

    def on_error(self, delivery: Delivery, generation: int, exc: BaseException) -> None:
        """Retry what an outage or a broken producer failed; fail the rest (runs on I/O threads)."""
        delivery.last_error = exc
        delivery.generation = -1
        if breaks_producer(exc):
            self._mark_broken(generation, exc)
        if not is_retriable(exc) or delivery.expired:
            delivery.failure(exc)
        elif not self._resender.offer(delivery):
            delivery.failure(SendBufferFullError(
                f"{self._resender.capacity} failed sends already wait for the broker "
                f"(WIREWATCH_CONNECTORS__SEND_BUFFER_RECORDS); last error: {exc}"))

    def _mark_broken(self, generation: int, exc: BaseException) -> None:
        if not self._slot.mark_broken(generation):
            return
        log.warning("the Kafka producer cannot send any more (%s: %s), probably because the broker "
                    "restarted; replacing it and re-sending what it did not write", type(exc).__name__, exc)
        self._resender.request_renew()

    def _check_stuck(self) -> None:
        """Replace a producer that holds a send past its deadline (on the resender's thread).

        After a broker restart kafka-python may retry UNKNOWN_PRODUCER_ID on its
        own without end, never failing the send; replacing the producer is
        then the only way to deliver.
        """
        late = time.monotonic() - STUCK_GRACE_S
        generation = self._slot.generation
        with self._lock:
            stuck = next((d for _, d in self._sent
                          if not d.is_done and d.generation == generation and d.deadline < late), None)
        if stuck is not None:
            self._mark_broken(generation, KafkaError(
                f"a send was not settled {STUCK_GRACE_S:.0f} s after its deadline"))

    def _prune(self) -> None:
        """Forget acknowledged sends; keep failed and in-flight ones for :meth:`flush`."""
        kept = [(k, d) for k, d in self._sent if not d.is_done or d.failed()]
        self._sent = kept
        self._prune_at = max(PRUNE_EVERY, 2 * len(self._sent))

    @property
    def outage(self) -> bool:
        """True while failed sends wait to be re-sent or the producer is being replaced."""
        return self._slot.broken or len(self._resender) > 0

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
        started = time.monotonic()
        try:
            self._slot.producer.flush(timeout=timeout)
        except KafkaError as exc:  # kafka-python raises KafkaTimeoutError on timeout
            log.warning("flush did not complete: %s", exc)
        with self._lock:
            sent, self._sent = self._sent, []
            self._prune_at = PRUNE_EVERY
        undelivered: dict[str, BaseException | None] = {}
        for key, delivery in sent:
            # sends being retried settle by their deadline at the latest
            left = max(0.0, delivery.deadline - time.monotonic())
            if timeout is not None:
                left = min(left, max(0.0, started + timeout - time.monotonic()))
            try:
                delivery.get(left)
            except Exception:  # noqa: BLE001 - reported below, by id
                name = key.decode("utf-8", "replace") if key else "<no key>"
                undelivered[name] = delivery.exception if delivery.is_done else None
        if undelivered:
            raise DeliveryError(undelivered)

    def close(self, timeout: float | None = None) -> None:
        """Flush what is pending (errors are logged, not raised) and close the producer."""
        try:
            self.flush(timeout)
        except DeliveryError as exc:
            log.error("%s", exc)
        finally:
            self._resender.close()
            self._slot.producer.close(timeout=timeout)

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
                self._resender.close()
                self._slot.producer.close()
        else:
            self.close()
