import random

from connectors.backoff import backoff_delay


def test_delays_grow_exponentially_within_jitter_bounds_and_cap() -> None:
    rng = random.Random(7)
    for failures, base in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (10, 60.0)]:
        delays = [backoff_delay(failures, initial=1.0, maximum=60.0, rng=rng) for _ in range(50)]
        assert all(base / 2 <= d <= base for d in delays)
        assert len(set(delays)) > 1  # jittered


def test_no_failures_means_no_delay() -> None:
    assert backoff_delay(0, initial=1.0, maximum=60.0) == 0.0


def test_huge_failure_counts_do_not_overflow() -> None:
    assert backoff_delay(10_000, initial=1.0, maximum=60.0, rng=random.Random(1)) <= 60.0
