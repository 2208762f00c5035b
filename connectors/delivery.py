"""Waiting for the broker's acknowledgement of a group of sends."""

from __future__ import annotations

import time
from collections.abc import Iterable

from kafka.producer.future import FutureRecordMetadata

from connectors.errors import DeliveryError


def await_delivery(sends: Iterable[tuple[str, FutureRecordMetadata]], timeout: float) -> None:
    """Block until every send is acknowledged, or raise.

    Unlike :meth:`ArticlePublisher.flush`, this looks only at the given sends,
    so connectors sharing one publisher do not see each other's failures.

    Args:
        sends: ``(article id, future)`` pairs from :meth:`ArticlePublisher.publish`.
        timeout: seconds to wait for all of them together.

    Raises:
        DeliveryError: listing the ids that failed or were still unacknowledged.
    """
    deadline = time.monotonic() + timeout
    undelivered: dict[str, BaseException | None] = {}
    for article_id, future in sends:
        try:
            future.get(timeout=max(0.0, deadline - time.monotonic()))
        except Exception as exc:  # kafka errors, or KafkaTimeoutError while still in flight
            undelivered[article_id] = exc if future.is_done else None
    if undelivered:
        raise DeliveryError(undelivered)
