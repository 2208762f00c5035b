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

Like ``noack_take`` it acknowledges nothing: the caller acks each event after
the batch's outputs are delivered. It is a copy of ``noack_take``'s buffering
(faust-streaming 0.15, ``faust/streams.py``) with another closing rule.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

#: event-loop turns with an empty queue before a batch closes: the drainer may
#: hold a message between the queue and the buffer for one turn
IDLE_TURNS = 2
#: pause between looks while a batch waits for the next fetch (not a busy loop:
#: the tagging thread needs the interpreter meanwhile)
FETCH_POLL_S = 0.005


async def adaptive_take(stream: Any, max_: int, within: float,
                        more_waiting: Callable[[list[Any]], bool] | None = None) -> AsyncIterator[list[Any]]:
    """Yield lists of up to ``max_`` unacknowledged events of ``stream`` (see the module's docstring).

    ``more_waiting(buffer)`` says whether the broker holds more messages of the
    buffer's partitions; without it a batch closes on an empty queue.
    """
    loop = asyncio.get_running_loop()
    buffer: list[Any] = []
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
            deadline = loop.time() + within
            idle = 0
            while len(buffer) < max_ and loop.time() < deadline:
                idle = idle + 1 if queue.empty() else 0
                if idle >= IDLE_TURNS and more_waiting is not None and more_waiting(buffer):
                    idle = 0
                    await asyncio.sleep(FETCH_POLL_S)  # the next fetch brings more of the backlog
                    continue
                await asyncio.sleep(0)  # let the drainer move what is queued into the buffer
                if idle >= IDLE_TURNS:
                    break
            consuming = loop.create_future()
            try:
                yield list(buffer)
            finally:
                buffer.clear()
                ready.clear()
                if not consuming.done():
                    consuming.set_result(None)
                consumed.set()
    finally:
        stream.enable_acks = enable_acks
        stream._processors.remove(add_to_buffer)
