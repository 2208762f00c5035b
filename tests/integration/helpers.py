"""Waiting helpers for integration tests (bounded polling, never sleeps blindly)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from kafka import KafkaConsumer

from wirewatch.kafka_config import consumer_options
from wirewatch.settings import Settings
from wirewatch.waiting import poll_until

T = TypeVar("T")


def wait_for(probe: Callable[[], T | None], *, timeout: float, what: str, interval: float = 0.25) -> T:
    """Call ``probe`` until it returns something truthy; fail with ``what`` after ``timeout`` s."""
    try:
        return poll_until(probe, timeout=timeout, interval=interval)
    except TimeoutError as exc:
        raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} ({exc})") from None


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
