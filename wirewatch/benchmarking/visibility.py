"""When each published article becomes searchable: a thread that polls the search alias.

"Searchable" means a search request finds it (an ``ids`` query through
``_search``, which sees only refreshed documents, unlike a realtime GET), so
the latency it gives is what a user of ``wirewatch search`` sees.
"""

from __future__ import annotations

import threading
import time
from typing import Any

CHUNK = 1000
#: pause after a round of polls, as a multiple of the round's duration
QUERY_SHARE = 4.0
#: ... but never longer than this: it is added to the time an article is found
MAX_PAUSE_S = 0.25


def pause_after(poll_s: float, interval: float) -> float:
    """Seconds to wait after a round of polls that took ``poll_s``.

    At least ``interval``, and otherwise four times the round, so that at most a
    fifth of the time is spent querying: the polls share the machine with the
    pipeline they measure (a 288-id query costs the embedded engine ~2 ms CPU; at
    half the time, the harness and the engine's answers took ~9 ms per article of a
    2-worker backlog). But never more than :data:`MAX_PAUSE_S`: under a backlog a
    round can wait 0.5-3 s behind the engine's bulk writes (waiting, not CPU), and
    four times that added up to 4.5 s of idle machine to a ~18 s 2-worker backlog
    before the last articles were found (13.3 against 17.0 articles/s on the same code).
    """
    return max(interval, min(QUERY_SHARE * poll_s, MAX_PAUSE_S))


class Visibility:
    """Tracks published article ids until a search finds each one."""

    def __init__(self, client: Any, alias: str, *, interval: float = 0.05) -> None:
        self.client = client
        self.alias = alias
        self.interval = interval
        self.published: dict[str, float] = {}
        self.seen: dict[str, float] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="visibility", daemon=True)
        self.errors = 0

    def start(self) -> Visibility:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def published_now(self, article_id: str) -> None:
        """Record that ``article_id`` is being published now (call just before publishing)."""
        with self._lock:
            self.published.setdefault(article_id, time.monotonic())

    def pending(self) -> list[str]:
        """Published ids no search has found yet."""
        with self._lock:
            return [i for i in self.published if i not in self.seen]

    def latencies(self, ids: list[str]) -> list[float]:
        """Publish-to-searchable seconds of those of ``ids`` already seen."""
        with self._lock:
            return [self.seen[i] - self.published[i] for i in ids if i in self.seen]

    def all_seen(self, ids: list[str]) -> bool:
        with self._lock:
            return all(i in self.seen for i in ids)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            pending = self.pending()
            for start in range(0, len(pending), CHUNK):
                self._poll(pending[start:start + CHUNK])
            self._stop.wait(pause_after(time.monotonic() - started, self.interval))

    def _poll(self, ids: list[str]) -> None:
        try:
            response = self.client.search(index=self.alias, query={"ids": {"values": ids}}, size=len(ids),
                                          source=False)
        except Exception:  # noqa: BLE001 - the engine may be busy; the next round asks again
            self.errors += 1
            return
        now = time.monotonic()
        with self._lock:
            for hit in response["hits"]["hits"]:
                self.seen.setdefault(hit["_id"], now)
