"""Adaptive batches from a faust stream: a batch closes when full or when nothing more is waiting.

faust's ``noack_take(max, within)`` closes a batch when it is full or when
``within`` seconds have passed, so at light load every message waits the
whole window before it is processed (1 s for tagging plus 1 s for indexing
was most of the publish->searchable latency). :func:`adaptive_take` closes a
batch as soon as the stream's queue is empty: a lone message goes on at once,
and under a backlog, messages that arrived while the previous batch was being
processed fill the next one (up to ``max_``). ``within`` only bounds how long
a batch stays open while messages keep trickling in one by one.

When the broker holds more of a batch's partitions (``more_waiting``, from
the high-water marks of the last fetches), the batch waits for the next
fetches instead of closing on an empty queue: under a backlog the fetches
arrive in pieces (a few hundred kilobytes each on the embedded broker), and
bigger batches make fewer, bigger bulk requests, which cost the search engine
about half as much per document (deploy/README.md, capacity). At light load
the high-water mark is the message's own offset + 1, so a lone message still
goes on at once.

Under a backlog upstream (``hold()``: this worker's tagger has raw articles
waiting), a batch with fewer than ``fill`` events may stay open up to
``hold_s`` instead of closing on an empty queue: the tagger's next batches
are on their way. The embedded engine indexes a bulk of 1,000 documents or
more once and never again, while smaller ones are indexed again when it
merges them (osmem's size classes of 10, 100 and 1,000 documents); a backlog's
events in bulks of ~230 cost it about twice as much per document
(deploy/README.md, capacity). With nothing waiting upstream a batch closes
as before, so light-load latency is unchanged.

Like ``noack_take`` it acknowledges nothing: the caller acks each event after
the batch's outputs are delivered. It is a copy of ``noack_take``'s buffering
(faust-streaming 0.15, ``faust/streams.py``) with another closing rule.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

#: event-loop turns with an empty queue before a batch closes: the drainer may
#: hold a message between the queue and the buffer for one turn
IDLE_TURNS = 2
#: pause between looks while a batch waits for the next fetch (not a busy loop:
#: the tagging thread needs the interpreter meanwhile)
FETCH_POLL_S = 0.005
#: pause between looks while a batch is held for the backlog upstream (a tagging
#: batch takes seconds)
HOLD_POLL_S = 0.02


async def adaptive_take(stream: Any, max_: int, within: float,
                        more_waiting: Callable[[Mapping[Any, int]], bool] | None = None, *,
                        hold: Callable[[], bool] | None = None, fill: int = 0,
                        hold_s: float = 0.0) -> AsyncIterator[list[Any]]:
    """Yield lists of up to ``max_`` unacknowledged events of ``stream`` (see the module's docstring).

    ``more_waiting(last)`` says whether the broker holds more messages of the
    buffer's partitions after ``last`` (partition -> last offset in the buffer,
    kept as events arrive: a held batch of 1,000 is not scanned every few
    milliseconds); without it a batch closes on an empty queue.
    ``hold()`` says whether more input is on its way upstream; then a batch of
    fewer than ``fill`` events stays open up to ``hold_s`` after it opened.
    """
    loop = asyncio.get_running_loop()
    upstream: Callable[[], bool] = hold if hold is not None else (lambda: False)
    buffer: list[Any] = []
    last: dict[Any, int] = {}  # partition -> highest offset in the buffer
    ready = asyncio.Event()  # the buffer holds at least one event
    consumed = asyncio.Event()  # the last yielded batch was handed back
    consuming: asyncio.Future | None = None
    queue = stream.channel.queue

    async def add_to_buffer(value: Any) -> Any:
        nonlocal consuming
        try:
            if consuming is not None:  # a batch is out: wait until it is handed back
                try:
                    await consuming
                finally:
                    consuming = None
            event = stream.current_event
            if event is None:
                raise RuntimeError("adaptive_take found no current event")
            buffer.append(event)
            message = event.message
            last[message.tp] = max(last.get(message.tp, -1), message.offset)
            ready.set()
            if len(buffer) >= max_:  # never more than max_: wait for the batch to be taken
                consumed.clear()
                await stream.wait(consumed)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - as faust's take: crash the stream, loudly
            stream.log.exception("Error adding to take buffer: %r", exc)
            await stream.crash(exc)
        return value

    enable_acks = stream.enable_acks
    stream.enable_acks = False  # the caller acknowledges after delivery
    stream.add_processor(add_to_buffer)
    stream._enable_passive(stream.channel)
    try:
        while not stream.should_stop:
            # wake at least every `within` seconds so a stopping stream is noticed
            await stream.wait_for_stopped(ready, timeout=within)
            if not buffer:
                continue
            opened = loop.time()
            deadline, held_until = opened + within, opened + hold_s
            idle = 0
            while len(buffer) < max_:
                now = loop.time()
                # ask hold() only when the batch would close: it reads every assigned partition
                # never held through a stop: the worker's stop deadline is shorter than hold_s
                holding = len(buffer) < fill and now < held_until and not stream.should_stop
                if now >= deadline and not (holding and upstream()):
                    break
                idle = idle + 1 if queue.empty() else 0
                if idle >= IDLE_TURNS and more_waiting is not None and more_waiting(last):
                    idle = 0
                    await asyncio.sleep(FETCH_POLL_S)  # the next fetch brings more of the backlog
                    continue
                if idle >= IDLE_TURNS and holding and upstream():
                    idle = 0
                    await asyncio.sleep(HOLD_POLL_S)  # the tagger's next batch brings more
                    continue
                await asyncio.sleep(0)  # let the drainer move what is queued into the buffer
                if idle >= IDLE_TURNS:
                    break
            consuming = loop.create_future()
            try:
                yield list(buffer)
            finally:
                buffer.clear()
                last.clear()
                ready.clear()
                if not consuming.done():
                    consuming.set_result(None)
                consumed.set()
    finally:
        stream.enable_acks = enable_acks
        stream._processors.remove(add_to_buffer)
