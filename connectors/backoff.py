"""Exponential backoff with full jitter (pure), per feed."""

from __future__ import annotations

import random


def backoff_delay(
    failures: int, *, initial: float, maximum: float, rng: random.Random | None = None
) -> float:
    """Seconds to wait after ``failures`` consecutive failures.

    Full jitter (a uniform draw in ``[base/2, base]`` with ``base = initial * 2**(failures-1)``,
    capped at ``maximum``) spreads retries of many feeds that failed together,
    while the lower half-bound keeps the growth observable.

    Args:
        failures: consecutive failures so far (>= 1).
        initial: the base delay after the first failure.
        maximum: the cap.
        rng: the random source (seed it in tests).
    """
    if failures < 1:
        return 0.0
    base = min(maximum, initial * 2 ** min(failures - 1, 32))
    return (rng or random).uniform(base / 2, base)
