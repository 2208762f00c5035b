"""The repeat filter: a library's repeated failures are thinned out, ours never."""

import logging

from core.backoff import Backoff
from core.logging import RepeatFilter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def record(name: str, msg: str, *args: object, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, args, None)


def test_repeats_pass_at_doubling_intervals_with_the_count_left_out() -> None:
    clock = Clock()
    repeats = RepeatFilter(windows=Backoff(initial_s=1.0, max_s=8.0), clock=clock)
    passed = []
    for tick in range(200):  # ten attempts a second for 20 s, as aiokafka retries
        clock.now = tick / 10
        r = record("aiokafka", "Unable connect to node with id %s: port %d", tick % 3, 9000 + tick)
        if repeats.filter(r):
            passed.append((clock.now, r.getMessage()))
    times = [t for t, _ in passed]
    assert times[:5] == [0.0, 1.0, 3.0, 7.0, 15.0]  # windows 1, 2, 4, 8 (the cap), 8...
    assert len(passed) == 5
    assert passed[1][1].endswith("(and 9 more like it since the last report)")
    assert "and 79 more" in passed[4][1]


def test_other_messages_levels_and_our_own_loggers_are_not_filtered() -> None:
    clock = Clock()
    repeats = RepeatFilter(clock=clock)
    assert repeats.filter(record("kafka.net", "Connection failed"))
    assert not repeats.filter(record("kafka.net", "Connection failed"))
    assert repeats.filter(record("kafka.net", "Metadata refresh failed"))
    assert all(repeats.filter(record("kafka.net", "Connection failed", level=logging.INFO)) for _ in range(3))
    assert all(repeats.filter(record("connectors.webhook", "webhook: 503")) for _ in range(3))
    assert all(repeats.filter(record("kafkaesque", "not a library we thin")) for _ in range(3))


def test_a_message_quiet_for_long_starts_afresh() -> None:
    clock = Clock()
    repeats = RepeatFilter(windows=Backoff(initial_s=1.0, max_s=4.0), clock=clock)
    assert repeats.filter(record("elastic_transport.node", "Connection refused"))
    clock.now = 0.5
    assert not repeats.filter(record("elastic_transport.node", "Connection refused"))
    clock.now = 20.0
    r = record("elastic_transport.node", "Connection refused")
    assert repeats.filter(r) and r.getMessage() == "Connection refused"
