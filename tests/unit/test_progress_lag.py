"""Consumer lag covers every assigned partition, processed yet or not."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

from faust.types import TP

from core import metrics
from streams import progress


class FakeConsumer:
    def __init__(self, assigned, highwaters, positions, hang=()):
        self._assigned, self._highwaters, self._positions, self._hang = assigned, highwaters, positions, hang

    def assignment(self):
        return set(self._assigned)

    def highwater(self, tp):
        return self._highwaters[tp]

    async def position(self, tp):
        if tp in self._hang:
            await asyncio.sleep(60)
        return self._positions[tp]


def lag(topic: str, partition: int) -> float | None:
    return metrics.REGISTRY.get_sample_value("wirewatch_consumer_lag", {"topic": topic, "partition": str(partition)})


def test_unprocessed_partitions_count_from_the_fetch_position(monkeypatch):
    monkeypatch.setattr(progress, "POSITION_TIMEOUT_S", 0.05)
    monkeypatch.setattr(progress, "_next_offset", {})
    done, fresh, stuck = TP("lagtest", 0), TP("lagtest", 1), TP("lagtest", 2)
    progress.acknowledged([SimpleNamespace(message=SimpleNamespace(tp=done, offset=6))])
    consumer = FakeConsumer([done, fresh, stuck], {done: 10, fresh: 40, stuck: 9}, {fresh: 15, stuck: 0},
                            hang={stuck})
    # On a thread of its own: a test that ran earlier in this process may have left an event
    # loop marked as running on the main thread, and asyncio.run refuses to nest.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, progress.export_lag(consumer)).result()
    assert lag("lagtest", 0) == 3      # processed up to 6: 7 is next, 10 - 7
    assert lag("lagtest", 1) == 25     # nothing processed: 40 - fetch position 15
    assert lag("lagtest", 2) is None   # no position in time: left out, never blocks


def test_more_after_when_the_broker_holds_more_of_a_batch_partition():
    first, second = TP("waittest", 0), TP("waittest", 1)
    caught_up = FakeConsumer([first, second], {first: 8, second: 3}, {})
    behind = FakeConsumer([first, second], {first: 8, second: 40}, {})
    unknown = FakeConsumer([first, second], {first: None, second: None}, {})
    last = {first: 7, second: 2}  # a batch of offsets 5 and 7 of partition 0 and 2 of partition 1
    assert not progress.more_after(caught_up, last)  # the last offsets are 7 and 2: nothing after them
    assert progress.more_after(behind, last)         # partition 1 holds offsets 3..39 still
    assert not progress.more_after(unknown, last)    # no fetch answered yet: close as before
    assert not progress.more_after(behind, {first: 7})  # only the batch's own partitions count


class RevokingConsumer(FakeConsumer):
    """aiokafka's behaviour for a partition a rebalance took away: highwater() asserts."""

    def highwater(self, tp):
        assert tp in self._assigned, "Partition is not assigned"
        return super().highwater(tp)


def test_a_batch_holding_a_revoked_partition_closes_instead_of_crashing_its_agent():
    kept, revoked = TP("revoketest", 0), TP("revoketest", 1)
    consumer = RevokingConsumer([kept], {kept: 8, revoked: 40}, {})
    # the batch still holds offset 2 of the revoked partition: its agent took it before the rebalance
    assert not progress.more_after(consumer, {kept: 7, revoked: 2})
    assert progress.more_after(RevokingConsumer([kept], {kept: 9}, {}), {kept: 7, revoked: 2})
    assert progress.highwater(consumer, revoked) is None
