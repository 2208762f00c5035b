"""The publisher's Kafka producer: its configuration, and its replacement when it breaks.

A producer broken by a broker restart (see :mod:`connectors.sends`) never
sends again, so it is closed at once (what it still holds fails and goes
back to the resender) and a new one is built as soon as the broker answers.
Each producer has a generation number, so a failure reported by an older
producer never breaks its successor.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from kafka import KafkaProducer
from kafka.errors import KafkaError

from core.kafka_options import client_options
from core.limits import max_message_bytes
from core.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_LINGER_MS = 5
# bounded reconnect backoff: after an outage the producer is back within 2 s of the broker
RECONNECT_BACKOFF_MAX_MS = 2_000
# a send that cannot even find the topic's metadata fails (and is retried) instead of blocking a minute
MAX_BLOCK_MS = 5_000

# a replacement gives up quickly while the broker is still away; the resender tries again
RENEW_BOOTSTRAP_MS = 2_000
DISCARD_WAIT_S = 2.0


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
        # the size policy (core/limits.py): every topic accepts this much
        "max_request_size": max_message_bytes(settings),
        "reconnect_backoff_max_ms": RECONNECT_BACKOFF_MAX_MS,
        "max_block_ms": MAX_BLOCK_MS,
    }


def discard(producer: KafkaProducer) -> None:
    """Close a broken producer now; the sends it still holds fail."""
    try:
        producer.close(timeout=0)
        return
    except KafkaError:
        pass  # kafka-python's close() flushes first and raises on timeout, before it force-closes
    sender = getattr(producer, "_sender", None)
    if sender is not None:
        sender.force_close()  # aborts the batches it holds: their futures fail
        sender.join(DISCARD_WAIT_S)
    try:
        producer.close(timeout=0)
    except KafkaError as exc:
        log.warning("the replaced Kafka producer did not close cleanly: %s", exc)


class ProducerSlot:
    """Holds one producer at a time; thread-safe.

    Args:
        make: builds a producer (keyword arguments are added to its configuration).
    """

    def __init__(self, make: Callable[..., KafkaProducer]) -> None:
        self._make = make
        self.producer = make()
        self.generation = 0  # bumped when the producer is replaced
        self.broken = False  # the producer failed for good and waits for its replacement
        self._discarded = -1  # the last generation closed
        self._lock = threading.Lock()

    def current(self) -> tuple[KafkaProducer, int, bool]:
        """(producer, generation, broken)."""
        with self._lock:
            return self.producer, self.generation, self.broken

    def mark_broken(self, generation: int) -> bool:
        """Mark generation ``generation`` broken; True only the first time for the current producer."""
        with self._lock:
            if generation != self.generation or self.broken:
                return False  # an older producer, or already being replaced
            self.broken = True
            return True

    def renew(self) -> bool:
        """Close the broken producer, then build a new one; False while the broker is away."""
        with self._lock:
            old, generation = self.producer, self.generation
        if self._discarded < generation:
            discard(old)
            self._discarded = generation
        try:
            producer = self._make(bootstrap_timeout_ms=RENEW_BOOTSTRAP_MS)
        except KafkaError as exc:
            log.warning("no new Kafka producer yet (%s); retrying", exc)
            return False
        with self._lock:
            self.producer = producer
            self.generation += 1
            self.broken = False
        log.info("Kafka producer replaced")
        return True
