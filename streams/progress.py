"""Consumer lag from what the agents acknowledged (exported as a Prometheus gauge).

Lag per partition = the partition's high-water mark minus the next offset the
agent will process. Agents report each acknowledged event here; a faust timer
turns that into ``wirewatch_consumer_lag`` every few seconds.
"""

from __future__ import annotations

from faust.types import TP, EventT

from core.metrics import set_consumer_lag

LAG_INTERVAL_S = 10.0

_next_offset: dict[TP, int] = {}


def acknowledged(events: list[EventT]) -> None:
    """Remember the highest offset processed per partition."""
    for event in events:
        message = event.message
        tp = message.tp
        _next_offset[tp] = max(_next_offset.get(tp, 0), message.offset + 1)


def export_lag(consumer) -> None:
    """Set the lag gauge for every assigned partition the agents have seen."""
    assigned = consumer.assignment()
    for tp, next_offset in list(_next_offset.items()):
        if tp not in assigned:
            _next_offset.pop(tp, None)
            continue
        highwater = consumer.highwater(tp)
        if highwater is not None:
            set_consumer_lag(tp.topic, tp.partition, max(0, highwater - next_offset))
