"""Reading topics back in tests, with :class:`core.topic_reader.TopicReader` underneath.

The helpers poll until the expected records arrived or the topic went quiet,
so tests wait for what they check instead of sleeping blindly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from core.kafka_options import consumer_options
from core.settings import Settings
from core.topic_reader import TopicReader as Reader


def read_topic(settings: Settings, topic: str, *, expect: int, timeout: float = 30.0) -> list:
    """Read ``topic`` from the beginning until ``expect`` messages arrived (or time out)."""
    deadline = time.monotonic() + timeout
    messages: list = []
    with Reader(topic, consumer_options(settings), appear_timeout=timeout) as reader:
        while len(messages) < expect and time.monotonic() < deadline:
            messages += reader.poll()
    return messages


@dataclass
class TopicReader:
    """Reads a topic from the beginning, without a consumer group (fast on any broker)."""

    bootstrap: str
    topic: str
    records: list[Any] = field(default_factory=list)

    def read(self, *, expect: int | None = None, timeout: float = 10.0, idle: float = 1.0) -> list[Any]:
        """All records so far: waits until ``expect`` records arrived, or ``idle`` s of silence."""
        deadline = time.monotonic() + timeout
        # a topic nobody wrote to may never appear: wait for it only when expecting records
        appear = timeout if expect else idle
        records: list[Any] = []
        with Reader(self.topic, {"bootstrap_servers": self.bootstrap}, appear_timeout=appear) as reader:
            last = time.monotonic()
            while reader.partitions and time.monotonic() < deadline:
                got = reader.poll(timeout_ms=200)
                records += got
                now = time.monotonic()
                if got:
                    last = now
                if expect is not None and len(records) >= expect and now - last >= min(idle, 0.3):
                    break
                if expect is None and now - last >= idle:
                    break
        self.records = records
        return records
