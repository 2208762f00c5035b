"""One send's outcome, and which failures are worth sending again.

:class:`Delivery` is what :meth:`ArticlePublisher.publish` returns: a
kafka-python style future (``get``, ``is_done``, ``failed()``, callbacks) that
settles once, after the broker acknowledged the record (possibly on a retry,
on a new producer) or after the publisher gave up on it. The publisher, not
the caller, decides about retries, so every connector behaves the same during
an outage.

Why a failure can be sent again (:func:`is_retriable`): the broker was
unreachable, a partition had no leader, or the producer itself broke. The last
one happens when the broker restarts with empty memory (the embedded Tansu
broker): it no longer knows the producer's id, refuses to bump its epoch, and
the kafka-python producer stays in a fatal state until replaced
(:func:`breaks_producer`). Oversized or invalid records fail at once.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from kafka.errors import (
    IllegalStateError,
    KafkaError,
    OutOfOrderSequenceNumberError,
    UnknownProducerIdError,
)
from kafka.future import Future

from connectors.errors import ConnectorError


class LostAcknowledgementError(ConnectorError):
    """The broker acknowledged a record without writing it (offset -1)."""

    retriable = True


class SendBufferFullError(ConnectorError):
    """Too many failed sends are already waiting for the broker."""


# errors after which the producer cannot send again: it must be replaced
_BREAKING = (UnknownProducerIdError, OutOfOrderSequenceNumberError, IllegalStateError, LostAcknowledgementError)


def breaks_producer(exc: BaseException) -> bool:
    """True when ``exc`` means the producer that failed must be replaced."""
    if isinstance(exc, _BREAKING):
        return True
    # a producer in a fatal state fails sends with a bare KafkaError
    return type(exc) is KafkaError


def is_retriable(exc: BaseException) -> bool:
    """True when sending the same record again may succeed (outage, not a bad record)."""
    return breaks_producer(exc) or bool(getattr(exc, "retriable", False))


# one lock for every Delivery: settling and waiting are rare next to sending,
# and a lock (or an Event) per record would slow the hot path
_SETTLE = threading.Lock()


class Delivery(Future):
    """A record on its way to the broker; settles exactly once.

    Attributes:
        key, value: the record, kept so that it can be sent again.
        deadline: ``time.monotonic()`` after which it is not retried any more.
        attempts: how many times it was handed to a producer.
        last_error: why the last attempt failed (None while none did).
        generation: the producer that holds it; -1 while with the resender.
    """

    __slots__ = ("key", "value", "deadline", "attempts", "last_error", "generation", "handler",
                 "_claimed", "_event")

    def __init__(self, key: bytes | None, value: bytes, deadline: float, handler: Any = None) -> None:
        super().__init__()
        self.key = key
        self.value = value
        self.deadline = deadline
        self.attempts = 0
        self.last_error: BaseException | None = None
        self.generation = -1
        self.handler = handler  # receives on_ack / on_error from the producer's I/O thread
        self._claimed = False
        self._event: threading.Event | None = None

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def acked(self, metadata: Any) -> None:
        """The producer's callback (bound, so no partial per record)."""
        self.handler.on_ack(self, metadata)

    def errored(self, exc: BaseException) -> None:
        """The producer's errback."""
        self.handler.on_error(self, self.generation, exc)

    def _claim(self) -> bool:
        """True for the first settlement only (an ack and an expiry may race)."""
        with _SETTLE:
            if self._claimed:
                return False
            self._claimed = True
            return True

    def _wake(self) -> None:
        with _SETTLE:
            event = self._event
        if event is not None:
            event.set()

    def success(self, value: Any) -> Delivery:
        if self._claim():
            super().success(value)
            self._wake()
        return self

    def failure(self, e: Any) -> Delivery:
        if self._claim():
            super().failure(e)
            self._wake()
        return self

    def get(self, timeout: float | None = None) -> Any:
        """The RecordMetadata once acknowledged; raises the failure, or KafkaTimeoutError."""
        from kafka.errors import KafkaTimeoutError

        with _SETTLE:  # is_done is set before _wake reads _event under this lock
            event = None if self.is_done else (self._event or threading.Event())
            self._event = event or self._event
        if event is not None and not event.wait(timeout):
            raise KafkaTimeoutError(f"not acknowledged within {timeout} s")
        if self.exception is not None:
            raise self.exception
        return self.value
