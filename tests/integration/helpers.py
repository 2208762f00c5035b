"""Waiting helpers for integration tests (bounded polling, never sleeps blindly)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from kafka import KafkaConsumer

from core.kafka_options import consumer_options
from core.settings import Settings
from core.waiting import poll_until

T = TypeVar("T")


def wait_for(probe: Callable[[], T | None], *, timeout: float = 10.0, what: str = "condition",
             interval: float = 0.1) -> T:
    """Call ``probe`` until it returns something truthy; fail with ``what`` after ``timeout`` s."""
    try:
        return poll_until(probe, timeout=timeout, interval=interval)
    except TimeoutError as exc:
        raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} ({exc})") from None


@contextmanager
def running(connector_class, settings: Settings) -> Iterator:
    """A started connector (with its own publisher); stopped, joined and checked afterwards."""
    from connectors.publisher import ArticlePublisher

    publisher = ArticlePublisher(settings)
    connector = connector_class(settings, publisher)
    connector.start()
    try:
        yield connector
    finally:
        connector.stop()
        connector.join(10)
        publisher.close(5)
    assert connector.failed is None


def read_topic(settings: Settings, topic: str, *, expect: int, timeout: float = 30.0) -> list:
    """Read ``topic`` from the beginning until ``expect`` messages arrived (or time out)."""
    consumer = KafkaConsumer(
        topic, **consumer_options(settings), group_id=None, auto_offset_reset="earliest",
        enable_auto_commit=False, consumer_timeout_ms=1000,
    )
    messages: list = []
    deadline = time.monotonic() + timeout
    try:
        while len(messages) < expect and time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=500).values():
                messages.extend(batch)
    finally:
        consumer.close()
    return messages
