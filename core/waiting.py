"""Polling until something is ready, with a deadline (services starting up, tests)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def poll_until(probe: Callable[[], T], *, timeout: float, interval: float = 0.25,
               retry_on: tuple[type[BaseException], ...] = ()) -> T:
    """Call ``probe`` until it returns something truthy, or until ``timeout`` seconds pass.

    Exceptions listed in ``retry_on`` count as "not yet"; the last one is
    re-raised at the deadline. Otherwise the deadline raises ``TimeoutError``
    carrying the last falsy result.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = probe()
            if result:
                return result
            failure: BaseException = TimeoutError(f"not ready after {timeout:.1f} s (last: {result!r})")
        except retry_on as exc:
            failure = exc
        if time.monotonic() >= deadline:
            raise failure
        time.sleep(interval)
