import random

from core.backoff import Backoff


def test_delays_are_full_jitter_in_a_doubling_window_with_a_cap() -> None:
    backoff = Backoff(initial_s=1.0, max_s=60.0, rng=random.Random(7))
    for attempt, window in [(0, 1.0), (1, 2.0), (2, 4.0), (3, 8.0), (9, 60.0)]:
        assert backoff.window(attempt) == window
        delays = [backoff.delay(attempt) for _ in range(200)]
        assert all(0.0 <= d <= window for d in delays)
        assert len(set(delays)) > 1  # jittered
        # full jitter reaches into the lower half of the window, which [window/2, window] never did
        assert min(delays) < window / 4 and max(delays) > window * 3 / 4


def test_a_seeded_random_source_gives_the_same_delays() -> None:
    first = Backoff(0.5, 30.0, rng=random.Random(42))
    second = Backoff(0.5, 30.0, rng=random.Random(42))
    assert [first.delay(a) for a in range(8)] == [second.delay(a) for a in range(8)]


def test_huge_attempt_counts_do_not_overflow() -> None:
    assert Backoff(1.0, 60.0, rng=random.Random(1)).delay(10_000) <= 60.0
    assert Backoff(1.0, 60.0).window(-1) == 1.0


def test_wait_sleeps_the_drawn_delay() -> None:
    slept: list[float] = []
    backoff = Backoff(1.0, 8.0, rng=random.Random(3), sleep=slept.append)
    waited = [backoff.wait(attempt) for attempt in range(5)]
    assert slept == waited
    expected = random.Random(3)
    assert waited == [expected.uniform(0, w) for w in (1.0, 2.0, 4.0, 8.0, 8.0)]
