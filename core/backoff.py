"""Exponential backoff with full jitter: the one retry-delay policy of wirewatch.

"Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter") draws
each delay uniformly from ``[0, min(max_s, initial_s * 2**attempt)]``: clients
that failed together spread their retries over the whole window instead of
retrying in lockstep, and the window still doubles with each failure.

Used by the feed connector (per feed), the inbox connector (broker down), the
bulk writer (search engine pushing back) and ``wirewatch up`` (restarting a
child process). The random source and the sleep are injectable for tests.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# 2**64 already exceeds any cap; larger exponents would only risk overflow
_MAX_EXPONENT = 64


@dataclass(frozen=True)
class Backoff:
    """Delays for attempt 0, 1, 2, ... after a failure.

    Attributes:
        initial_s: the window after the first failure (attempt 0).
        max_s: the cap on the window.
        rng: the random source; seed one in tests. Defaults to the module's.
        sleep: how :meth:`wait` sleeps (``time.sleep``); replace it in tests.
    """

    initial_s: float = 0.5
    max_s: float = 30.0
    rng: random.Random | None = field(default=None, compare=False, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False, repr=False)

    def window(self, attempt: int) -> float:
        """The upper bound of the delay for ``attempt`` (0-based): ``min(max_s, initial_s * 2**attempt)``."""
        return min(self.max_s, self.initial_s * 2 ** min(max(attempt, 0), _MAX_EXPONENT))

    def delay(self, attempt: int) -> float:
        """A delay drawn uniformly from ``[0, window(attempt)]``."""
        return (self.rng or random).uniform(0.0, self.window(attempt))

    def wait(self, attempt: int) -> float:
        """Sleep for :meth:`delay` seconds and return how long that was."""
        seconds = self.delay(attempt)
        self.sleep(seconds)
        return seconds
