"""The one cache of loaded tagging resources: spaCy models, gazetteers, taxonomies, word lists.

Loading is slow (the gazetteer takes seconds and hundreds of MB), and a
process may build several taggers (the stream worker, ``wirewatch eval``,
tests), so each resource is loaded once per process, keyed by what it was
loaded from (a model name or a data file). Components get their resources
here and nowhere else; a different data file is a different key, so a test
or a deployment that points the config at another file gets another resource.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

log = logging.getLogger(__name__)

T = TypeVar("T")


class ResourceCache:
    """Loaded resources by ``(kind, key)``; thread-safe, never evicts."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, Hashable], Any] = {}
        # Re-entrant: a loader may itself ask for another resource.
        self._lock = threading.RLock()

    def get(self, kind: str, key: Hashable, load: Callable[[], T]) -> T:
        """The resource ``kind`` for ``key``, loaded with ``load()`` on first use."""
        slot = (kind, key)
        if slot not in self._items:
            with self._lock:
                if slot not in self._items:
                    started = time.perf_counter()
                    self._items[slot] = load()
                    log.info("loaded %s %s in %.1fs", kind, key, time.perf_counter() - started)
        return cast(T, self._items[slot])

    def __len__(self) -> int:
        return len(self._items)


RESOURCES = ResourceCache()
