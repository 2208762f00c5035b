"""Adaptive batches wait for a backlog upstream: bigger index bulks under load, no wait at light load."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any

from faust.types import TP

from streams import progress
from streams.agents.take import adaptive_take

TOPIC = TP("holdtest", 0)


class FakeStream:
    """What adaptive_take uses of a faust stream: a queue drained into its processors one event at a time."""

    def __init__(self) -> None:
        self.channel = SimpleNamespace(queue=asyncio.Queue())
        self.current_event: Any = None
        self.enable_acks = True
        self.should_stop = False
        self._processors: list[Any] = []
        self.log = logging.getLogger("fake-stream")
        self._drainer: asyncio.Task[None] | None = None

    def add_processor(self, processor: Any) -> None:
        self._processors.append(processor)

    def _enable_passive(self, channel: Any) -> None:
        self._drainer = asyncio.get_running_loop().create_task(self._drain())

    async def _drain(self) -> None:
        queue = self.channel.queue
        while True:
            event = await queue.get()
            self.current_event = event
            for processor in list(self._processors):
                await processor(event)

    async def wait(self, event: asyncio.Event) -> None:
        await event.wait()

    async def wait_for_stopped(self, event: asyncio.Event, timeout: float) -> None:
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            pass

    async def crash(self, exc: BaseException) -> None:
        raise exc

    def put(self, *offsets: int) -> None:
        for offset in offsets:
            self.channel.queue.put_nowait(SimpleNamespace(message=SimpleNamespace(tp=TOPIC, offset=offset)))


async def _batches(stream: FakeStream, feed: Any, count: int, **take: Any) -> list[tuple[float, list[int]]]:
    """The first ``count`` batches as (seconds since start, offsets), while ``feed`` puts events in."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    feeding = loop.create_task(feed(stream))
    out = []
    async for batch in adaptive_take(stream, take.pop("max_", 100), take.pop("within", 0.05), **take):
        out.append((loop.time() - started, [e.message.offset for e in batch]))
        if len(out) == count:
            break
    feeding.cancel()
    return out


def _run(coro: Any) -> Any:
    # on a thread of its own: an earlier test may leave a loop marked running on the main thread
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result(timeout=30)


async def _trickle(stream: FakeStream) -> None:
    """Three events now, four more 0.3 s later (the tagger's next batch)."""
    stream.put(0, 1, 2)
    await asyncio.sleep(0.3)
    stream.put(3, 4, 5, 6)


def test_without_a_backlog_upstream_a_batch_closes_on_an_empty_queue():
    batches = _run(_batches(FakeStream(), _trickle, 2, hold=lambda: False, fill=10, hold_s=5.0))
    assert [offsets for _, offsets in batches] == [[0, 1, 2], [3, 4, 5, 6]]
    assert batches[0][0] < 0.2  # at once, not after the hold


def test_a_backlog_upstream_holds_a_batch_until_it_is_filled():
    async def feed(stream: FakeStream) -> None:
        await _trickle(stream)
        await asyncio.sleep(0.3)
        stream.put(*range(7, 12))

    batches = _run(_batches(FakeStream(), feed, 1, hold=lambda: True, fill=10, hold_s=5.0))
    # held past the first three and the next four, closed once it held at least `fill`
    assert batches[0][1] == list(range(12))
    assert 0.5 < batches[0][0] < 2.0


def test_a_held_batch_closes_when_the_backlog_upstream_ends_or_at_hold_s():
    backlog = {"waiting": True}

    async def feed(stream: FakeStream) -> None:
        await _trickle(stream)
        await asyncio.sleep(0.2)
        backlog["waiting"] = False  # the tagger caught up: nothing more is on its way

    batches = _run(_batches(FakeStream(), feed, 1, hold=lambda: backlog["waiting"], fill=100, hold_s=5.0))
    assert batches[0][1] == list(range(7)) and 0.4 < batches[0][0] < 1.5
    timed = _run(_batches(FakeStream(), _trickle, 1, hold=lambda: True, fill=100, hold_s=0.6))
    assert timed[0][1] == list(range(7)) and 0.55 < timed[0][0] < 1.2


def test_backlog_counts_what_the_agent_has_not_acknowledged_in_its_own_partitions(monkeypatch):
    monkeypatch.setattr(progress, "_next_offset", {})
    raw0, raw1, other, unseen = TP("raw", 0), TP("raw", 1), TP("tagged", 0), TP("raw", 2)
    progress.acknowledged([SimpleNamespace(message=SimpleNamespace(tp=tp, offset=o))
                           for tp, o in ((raw0, 9), (raw1, 3), (other, 0))])
    consumer = SimpleNamespace(assignment=lambda: {raw0, raw1, other, unseen},
                               highwater={raw0: 50, raw1: 4, other: 900, unseen: 70}.get)
    # raw0: 10..49 (40); raw1: caught up; tagged is another topic; raw2: nothing acknowledged yet
    assert progress.backlog(consumer, "raw") == 40
    assert progress.backlog(consumer, "nothing") == 0
