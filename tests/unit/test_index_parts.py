"""A large indexing batch is written in parts of bounded bytes, in order, none empty."""

from __future__ import annotations

from types import SimpleNamespace

from streams.agents.indexing import _parts
from streams.agents.runner import Outcome


def _outcome(size: int) -> Outcome:
    return Outcome(SimpleNamespace(message=SimpleNamespace(value=b"x" * size)))  # type: ignore[arg-type]


def test_parts_keep_order_and_stay_within_the_byte_budget():
    outcomes = [_outcome(n) for n in (400, 400, 300, 900, 100, 50)]
    parts = _parts(outcomes, 1000)
    assert [o for part in parts for o in part] == outcomes
    assert [[len(o.event.message.value) for o in part] for part in parts] == [[400, 400], [300], [900, 100], [50]]


def test_a_message_over_the_budget_goes_alone_and_no_batch_makes_no_part():
    big, small = _outcome(5000), _outcome(10)
    assert _parts([small, big, small], 1000) == [[small], [big], [small]]
    assert _parts([], 1000) == []
