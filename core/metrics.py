"""Prometheus metrics for the connectors and stream processors.

Every metric lives in one registry, :data:`REGISTRY`, served as text at
``/metrics`` by :func:`start_metrics_server`. Call sites use the small
``record_*`` functions below rather than the metric objects, so label names
stay consistent::

    from core import metrics

    metrics.record_consumed(topic, len(batch))
    with metrics.tagging_timer():
        tagged = tagger.tag_batch(articles)
    metrics.record_tagged(len(tagged))
    metrics.set_consumer_lag(topic, partition, highwater - position)

Metric names (all prefixed ``wirewatch_``):

==================================  =========  ===============  =================================
name                                kind       labels           counts
==================================  =========  ===============  =================================
messages_consumed_total             counter    topic            messages read from a topic
messages_produced_total             counter    topic            messages written to a topic
articles_tagged_total               counter    (none)           articles the tagger finished
documents_indexed_total             counter    index            documents the search engine took
messages_deadlettered_total         counter    stage            messages sent to the dead letters
tagging_seconds                     histogram  (none)           wall time of one tagging batch
bulk_seconds                        histogram  index            wall time of one bulk request
bulk_failures_total                 counter    index,reason     bulk requests that failed (retried)
consumer_lag                        gauge      topic,partition  messages not yet consumed
connector_fetched_total             counter    source           items a connector read
connector_published_total           counter    source           articles the broker acknowledged
connector_duplicates_total          counter    source           items skipped as already seen
connector_errors_total              counter    source           items or fetches that failed
==================================  =========  ===============  =================================

``source`` is the connector's ``kind:name`` (``rss:ibtimes``, ``file:inbox``,
``http:webhook``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter
from wsgiref.simple_server import WSGIServer

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    start_http_server,
)

NAMESPACE = "wirewatch"
DEFAULT_METRICS_ADDR = "0.0.0.0"  # inside a container; publish the port to expose it
LOOPBACK = "127.0.0.1"  # `wirewatch up`: nothing leaves the machine
CONNECTOR_OUTCOMES = ("fetched", "published", "duplicates", "errors")

log = logging.getLogger(__name__)

# Tagging a batch of up to ~32 articles takes tens of milliseconds to a few
# seconds on a CPU; a bulk request of up to 500 documents, milliseconds to
# tens of seconds when the cluster pushes back.
TAGGING_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
BULK_BUCKETS = (0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

REGISTRY = CollectorRegistry(auto_describe=True)
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)

MESSAGES_CONSUMED = Counter(
    "messages_consumed", "Messages read from a topic.", ["topic"],
    namespace=NAMESPACE, registry=REGISTRY,
)
MESSAGES_PRODUCED = Counter(
    "messages_produced", "Messages written to a topic.", ["topic"],
    namespace=NAMESPACE, registry=REGISTRY,
)
ARTICLES_TAGGED = Counter(
    "articles_tagged", "Articles the tagger finished.",
    namespace=NAMESPACE, registry=REGISTRY,
)
DOCUMENTS_INDEXED = Counter(
    "documents_indexed", "Documents the search engine accepted.", ["index"],
    namespace=NAMESPACE, registry=REGISTRY,
)
MESSAGES_DEADLETTERED = Counter(
    "messages_deadlettered", "Messages sent to the dead-letter topic.", ["stage"],
    namespace=NAMESPACE, registry=REGISTRY,
)
TAGGING_SECONDS = Histogram(
    "tagging_seconds", "Wall time of one tagging batch.",
    namespace=NAMESPACE, registry=REGISTRY, buckets=TAGGING_BUCKETS,
)
BULK_SECONDS = Histogram(
    "bulk_seconds", "Wall time of one bulk request to the search engine.", ["index"],
    namespace=NAMESPACE, registry=REGISTRY, buckets=BULK_BUCKETS,
)
BULK_FAILURES = Counter(
    "bulk_failures", "Bulk requests that failed and were retried (429, 5xx, connection errors).",
    ["index", "reason"], namespace=NAMESPACE, registry=REGISTRY,
)
CONNECTOR_ITEMS = {
    outcome: Counter(f"connector_{outcome}", description, ["source"], namespace=NAMESPACE, registry=REGISTRY)
    for outcome, description in (
        ("fetched", "Items a connector read from its source."),
        ("published", "Articles of a source the broker acknowledged."),
        ("duplicates", "Items skipped because they were already published."),
        ("errors", "Items or fetches of a source that failed."),
    )
}
CONSUMER_LAG = Gauge(
    "consumer_lag", "Messages in a partition not yet consumed by this process.",
    ["topic", "partition"], namespace=NAMESPACE, registry=REGISTRY,
)


def record_consumed(topic: str, count: int = 1) -> None:
    """Count ``count`` messages read from ``topic``."""
    MESSAGES_CONSUMED.labels(topic=topic).inc(count)


def record_produced(topic: str, count: int = 1) -> None:
    """Count ``count`` messages written to ``topic``."""
    MESSAGES_PRODUCED.labels(topic=topic).inc(count)


def record_tagged(count: int = 1) -> None:
    """Count ``count`` articles tagged."""
    ARTICLES_TAGGED.inc(count)


def record_indexed(index: str, count: int) -> None:
    """Count ``count`` documents accepted into ``index`` (an alias name is fine)."""
    DOCUMENTS_INDEXED.labels(index=index).inc(count)


def record_deadlettered(stage: str, count: int = 1) -> None:
    """Count ``count`` messages dead-lettered by ``stage`` (e.g. ``tag``, ``index``)."""
    MESSAGES_DEADLETTERED.labels(stage=stage).inc(count)


def observe_tagging(seconds: float) -> None:
    """Record the wall time of one tagging batch."""
    TAGGING_SECONDS.observe(seconds)


def observe_bulk(index: str, seconds: float) -> None:
    """Record the wall time of one bulk request to ``index``."""
    BULK_SECONDS.labels(index=index).observe(seconds)


@contextmanager
def tagging_timer() -> Iterator[None]:
    """Time the enclosed tagging batch into ``wirewatch_tagging_seconds``."""
    started = perf_counter()
    try:
        yield
    finally:
        observe_tagging(perf_counter() - started)


@contextmanager
def bulk_timer(index: str) -> Iterator[None]:
    """Time the enclosed bulk request into ``wirewatch_bulk_seconds{index=...}``."""
    started = perf_counter()
    try:
        yield
    finally:
        observe_bulk(index, perf_counter() - started)


def record_bulk_failure(index: str, reason: str) -> None:
    """Count one failed (and to be retried) bulk request to ``index``; ``reason`` is short: ``429``, ``503``, ``connection``."""
    BULK_FAILURES.labels(index=index, reason=reason).inc()


def produced_counter(topic: str) -> Counter:
    """The ``messages_produced_total`` child of ``topic``, to increment from a hot path."""
    return MESSAGES_PRODUCED.labels(topic=topic)


def connector_counter(source: str, outcome: str) -> Counter:
    """The ``connector_<outcome>_total`` child of ``source``, to increment from a hot path."""
    return CONNECTOR_ITEMS[outcome].labels(source=source)


def record_connector(source: str, outcome: str, count: int = 1) -> None:
    """Count ``count`` items of ``source`` with ``outcome``: fetched, published, duplicates or errors."""
    if count:
        CONNECTOR_ITEMS[outcome].labels(source=source).inc(count)


def set_consumer_lag(topic: str, partition: int, lag: int) -> None:
    """Set the lag of one partition: its high-water mark minus this consumer's position."""
    CONSUMER_LAG.labels(topic=topic, partition=str(partition)).set(max(lag, 0))


def start_metrics_server(
    port: int, addr: str = DEFAULT_METRICS_ADDR, *, setting: str = "WIREWATCH_WORKER__METRICS_PORT"
) -> tuple[WSGIServer, threading.Thread] | None:
    """Serve ``/metrics`` from :data:`REGISTRY` on a daemon thread, and log its URL.

    Args:
        port: TCP port; ``0`` disables the endpoint (returns ``None``).
        addr: address to bind: all interfaces in a container, ``127.0.0.1``
            (:data:`LOOPBACK`) under ``wirewatch up``.
        setting: the variable that chose ``port``, named when the port is taken.

    Returns:
        The server and its thread (call ``server.shutdown()`` to stop it), or
        ``None`` when disabled.

    Raises:
        OSError: the port is taken; the message names it and ``setting``.
    """
    if port == 0:
        return None
    try:
        served = start_http_server(port, addr=addr, registry=REGISTRY)
    except OSError as exc:
        raise OSError(
            exc.errno,
            f"cannot serve metrics on {addr}:{port} ({exc.strerror}); "
            f"set {setting} to a free port, or 0 to turn metrics off",
        ) from exc
    log.info("metrics on http://%s:%d/metrics", addr, port, extra={"metrics_addr": addr, "metrics_port": port})
    return served
