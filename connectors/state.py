"""The feed poller's memory across restarts: delivered items and HTTP validators.

One SQLite file, ``<connectors.state_dir>/feeds.sqlite3``:

* ``seen(feed, key, article_id, seen_at)``: entries whose article the broker
  acknowledged; ``key`` is the GUID, else the canonical link.
* ``http(feed, etag, last_modified)``: validators for conditional GETs, stored
  only after every entry of that response was delivered (otherwise a 304 could
  hide an undelivered entry).

Delete the file to make the poller forget (it will re-publish what the feeds
still list, with the same ids).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from schemas.articles import utcnow

STATE_FILE = "feeds.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS seen (
    feed TEXT NOT NULL, key TEXT NOT NULL, article_id TEXT NOT NULL, seen_at TEXT NOT NULL,
    PRIMARY KEY (feed, key)
);
CREATE TABLE IF NOT EXISTS http (
    feed TEXT PRIMARY KEY, etag TEXT, last_modified TEXT
);
"""


class FeedState:
    """Thread-safe access to the state file (one connection, one lock)."""

    def __init__(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        self.path = state_dir / STATE_FILE
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def seen_keys(self, feed: str, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` were already delivered for ``feed``."""
        wanted = list(keys)
        found: set[str] = set()
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key FROM seen WHERE feed = ? AND key IN ({marks})", (feed, *chunk)
                )
                found.update(row[0] for row in rows)
        return found

    def mark_seen(self, feed: str, items: Iterable[tuple[str, str]]) -> None:
        """Record ``(key, article_id)`` pairs as delivered."""
        now = utcnow().isoformat()
        rows = [(feed, key, aid, now) for key, aid in items]
        if not rows:
            return
        with self._lock:
            self._db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?, ?, ?)", rows)

    def validators(self, feed: str) -> tuple[str | None, str | None]:
        """The stored ``(etag, last_modified)`` for ``feed``."""
        with self._lock:
            row = self._db.execute(
                "SELECT etag, last_modified FROM http WHERE feed = ?", (feed,)
            ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def set_validators(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        """Store the validators of the last fully delivered response."""
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO http VALUES (?, ?, ?)", (feed, etag, last_modified)
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()
