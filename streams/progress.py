"""Consumer lag from what the agents acknowledged (exported as a Prometheus gauge).

Lag per partition = the partition's high-water mark minus the next offset the
agent will process. Agents report each acknowledged event here; a faust timer
turns that into ``wirewatch_consumer_lag`` every few seconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from faust.types import TP, EventT

from core.metrics import set_consumer_lag

LAG_INTERVAL_S = 10.0
POSITION_TIMEOUT_S = 2.0

_next_offset: dict[TP, int] = {}


def highwater(consumer, tp: TP) -> int | None:
    """The high-water mark the last fetch of ``tp`` reported; None if none did or ``tp`` is not assigned.

    A batch may still hold messages of a partition a rebalance has just taken
    away (it goes on without waiting for slow batches, streams/transport.py),
    and aiokafka asserts when asked about a partition it does not own: that
    assertion once ended an index agent for good.
    """
    try:
        return consumer.highwater(tp)
    except AssertionError:  # aiokafka: "Partition is not assigned"
        return None


def acknowledged(events: list[EventT]) -> None:
    """Remember the highest offset processed per partition."""
    for event in events:
        message = event.message
        tp = message.tp
        _next_offset[tp] = max(_next_offset.get(tp, 0), message.offset + 1)


def more_after(consumer, last: Mapping[TP, int]) -> bool:
    """True when a partition of ``last`` (partition -> last offset of a batch, kept as the
    batch fills: no scan) holds messages after that offset in the broker.

    The high-water mark is the one the last fetch of that partition reported:
    above the buffered offset + 1, the next fetch will bring more (a backlog).
    """
    for tp, offset in last.items():
        mark = highwater(consumer, tp)
        if mark is not None and mark > offset + 1:
            return True
    return False


def backlog(consumer, topic: str) -> int:
    """Messages of ``topic`` in this worker's partitions that its agent has not acknowledged yet.

    Counts only partitions the agent acknowledged something of (the next
    offset is known) and whose high-water mark a fetch reported.
    """
    waiting = 0
    for tp in consumer.assignment():
        if tp.topic != topic or (done := _next_offset.get(tp)) is None:
            continue
        mark = highwater(consumer, tp)
        if mark is not None:
            waiting += max(0, mark - done)
    return waiting


async def export_lag(consumer) -> None:
    """Set the lag gauge for every assigned partition.

    A partition the agents processed counts from the next offset they will
    process; one they have not processed yet (a worker stuck from its start)
    from the consumer's fetch position, so its lag shows as well.
    """
    assigned = consumer.assignment()
    for tp in list(_next_offset):
        if tp not in assigned:
            _next_offset.pop(tp, None)
    for tp in assigned:
        next_offset = _next_offset.get(tp)
        if next_offset is None:
            next_offset = await _fetch_position(consumer, tp)
        mark = highwater(consumer, tp)  # a rebalance may have taken tp while the position was read
        if mark is not None and next_offset is not None:
            set_consumer_lag(tp.topic, tp.partition, max(0, mark - next_offset))


async def _fetch_position(consumer, tp: TP) -> int | None:
    """The consumer's fetch position of ``tp``, or ``None`` when it has none yet (never blocks long)."""
    try:
        return await asyncio.wait_for(consumer.position(tp), timeout=POSITION_TIMEOUT_S)
    except Exception:  # noqa: BLE001 - a metric must never take the worker down
        return None
