"""Reading a topic up to its end: the one topic reader of wirewatch.

Used by the dead-letter tools (``wirewatch deadletter``) and by the tests,
which read what the pipeline wrote. It assigns every partition of the topic
(no group rebalancing, so it is fast on any broker) and reads from the start,
or from a consumer group's committed offsets, in one of three ways:
:meth:`TopicReader.records` stops at the end offsets seen when it opened, so it
finishes even while others keep writing; :meth:`TopicReader.drain` reads
until the topic has been quiet for a moment, trusting no end offsets (Tansu
under-reports them by one at times, which hides the last message);
:meth:`TopicReader.poll` returns what arrived since the last call, for
readers that wait for more.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from typing import Any

from kafka import KafkaConsumer, TopicPartition

POLL_TIMEOUT_MS = 500
APPEAR_POLL_S = 0.1


class TopicReader:
    """Reads one topic, every partition, up to the end offsets at the time of opening.

    With a ``group``, reading starts at the group's committed offsets (unless
    ``from_start``) and :meth:`commit` moves them. Use as a context manager.

    Args:
        topic: the topic to read; a topic that does not exist reads as empty.
        options: kafka-python consumer options, e.g. ``core.kafka_options.consumer_options``.
        group: consumer group for committed offsets; None reads without one.
        from_start: start at the beginning even when the group has committed offsets.
    """

    def __init__(self, topic: str, options: Mapping[str, Any], *, group: str | None = None,
                 from_start: bool = True, appear_timeout: float = 0.0) -> None:
        self.topic = topic
        self.group = group
        self._consumer = KafkaConsumer(**options, group_id=group, enable_auto_commit=False,
                                       auto_offset_reset="earliest")
        self.partitions = [TopicPartition(topic, p) for p in sorted(self._partitions(appear_timeout))]
        self.end: dict[TopicPartition, int] = {}
        if self.partitions:
            self._consumer.assign(self.partitions)
            if from_start or group is None:
                self._consumer.seek_to_beginning(*self.partitions)
            self.end = self._consumer.end_offsets(self.partitions)

    def __enter__(self) -> TopicReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._consumer.close()

    def _partitions(self, appear_timeout: float) -> set[int]:
        """The topic's partitions, waiting up to ``appear_timeout`` s for the topic to exist."""
        deadline = time.monotonic() + appear_timeout
        while True:
            partitions = self._consumer.partitions_for_topic(self.topic)
            if partitions or time.monotonic() >= deadline:
                return set(partitions or ())
            time.sleep(APPEAR_POLL_S)

    def poll(self, timeout_ms: int = POLL_TIMEOUT_MS) -> list[Any]:
        """Records that arrived since the last call, waiting up to ``timeout_ms`` for some."""
        if not self.partitions:
            return []
        return [r for batch in self._consumer.poll(timeout_ms=timeout_ms).values() for r in batch]

    def records(self) -> Iterator[Any]:
        """kafka-python ``ConsumerRecord``s from the start position up to the end seen at opening."""
        consumer, end = self._consumer, self.end
        remaining = {tp for tp in self.partitions if consumer.position(tp) < end[tp]}
        while remaining:
            for tp, records in consumer.poll(timeout_ms=POLL_TIMEOUT_MS).items():
                for record in records:
                    if record.offset < end[tp]:
                        yield record
                if consumer.position(tp) >= end[tp]:
                    remaining.discard(tp)

    def drain(self, idle_s: float = 1.0) -> Iterator[Any]:
        """Records from the start position until none arrived for ``idle_s`` seconds.

        Reads at least up to the end offsets seen at opening, then keeps
        polling until the topic is quiet: the end is found by reading, not by
        the broker's end offsets.
        """
        if not self.partitions:
            return
        consumer, end = self._consumer, self.end
        quiet_since = time.monotonic()
        while True:
            got = consumer.poll(timeout_ms=min(POLL_TIMEOUT_MS, int(idle_s * 1000)))
            for records in got.values():
                yield from records
            now = time.monotonic()
            if got:
                quiet_since = now
            behind = any(consumer.position(tp) < end[tp] for tp in self.partitions)
            if not behind and now - quiet_since >= idle_s:
                return

    def positions(self) -> dict[int, int]:
        """``partition -> next offset to read`` as reading left them."""
        return {tp.partition: self._consumer.position(tp) for tp in self.partitions}

    def commit(self, offsets: Mapping[int, int]) -> None:
        """Commit ``partition -> next offset to read`` for the group (no-op without one)."""
        if self.group is None or not offsets:
            return
        self._consumer.commit({TopicPartition(self.topic, p): _offset_and_metadata(offset)
                               for p, offset in offsets.items()})


def _offset_and_metadata(offset: int) -> Any:
    from kafka.structs import OffsetAndMetadata

    try:
        return OffsetAndMetadata(offset, "", -1)
    except TypeError:  # older kafka-python: (offset, metadata)
        return OffsetAndMetadata(offset, "")
