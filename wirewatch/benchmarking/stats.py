"""Summary statistics of measured samples (pure functions)."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(samples: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by linear interpolation between closest ranks.

    The same definition as ``numpy.percentile``'s default, so figures can be
    checked against it. Raises ValueError on no samples or ``q`` outside 0-100.
    """
    if not samples:
        raise ValueError("percentile of no samples")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile q must be within 0-100, got {q}")
    ordered = sorted(samples)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_summary(samples: Sequence[float]) -> dict[str, float]:
    """``n``, ``p50``, ``p95``, ``max`` and ``mean`` of latencies (seconds)."""
    if not samples:
        return {"n": 0}
    return {
        "n": len(samples),
        "p50": percentile(samples, 50),
        "p95": percentile(samples, 95),
        "max": max(samples),
        "mean": sum(samples) / len(samples),
    }


def growth(samples: Sequence[float], warmup_fraction: float = 0.2, window_fraction: float = 0.1) -> float:
    """Relative growth of a series after warm-up: its highest later value over its peak at warm-up's end, minus 1.

    Used for RSS in the soak. Warm-up is the first ``warmup_fraction`` of the
    samples; the base is the highest sample of the next ``window_fraction``.
    A busy worker's RSS rises within each batch and falls between batches, so
    a single sample as the base (as this function once took) would compare a
    trough with the highest peak and count the swing of one batch as growth:
    peak is compared with peak. 0.05 means no later sample is more than 5 %
    above the peak of the window just after warm-up.
    """
    if not samples:
        raise ValueError("growth of no samples")
    start = min(int(len(samples) * warmup_fraction), len(samples) - 1)
    window = max(1, int(len(samples) * window_fraction))
    base = max(samples[start:start + window])
    if base <= 0:
        raise ValueError("growth needs a positive value after warm-up")
    return max(samples[start:]) / base - 1
