"""Reading the gazetteer store: name lookups and code lookups over SQLite.

Opening is a connect and a read of the ``meta`` table (milliseconds); the
file is memory-mapped read-only, so the workers of one machine share its
pages through the page cache. Lookups of a name are cached per process.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import ClassVar

from streams.tagging.places.store.cache import ensure_store
from streams.tagging.places.store.keys import normalize
from streams.tagging.places.store.model import PLACE_COLUMNS, SCHEMA_VERSION, NameHit, Place

MMAP_BYTES = 256 * 1024 * 1024
LOOKUP_CACHE_SIZE = 50_000  # distinct keys kept; cleared when full
_SELECT = ", ".join(f"p.{c}" for c in PLACE_COLUMNS)
_BOOL = PLACE_COLUMNS.index("capital")


def _place(row: tuple) -> Place:
    values = list(row[:len(PLACE_COLUMNS)])
    values[_BOOL] = bool(values[_BOOL])
    return Place(*values)


class GazetteerStore:
    """Read-only access to a built store file."""

    _shared: ClassVar[dict[Path | None, GazetteerStore]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path) -> None:
        """Open a built store; see :meth:`open` to build one first when needed."""
        if not path.exists():
            raise FileNotFoundError(f"no gazetteer store at {path}; build it with GazetteerStore.open()")
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        self.meta = dict(self._db.execute("SELECT key, value FROM meta").fetchall())
        if self.meta.get("schema") != str(SCHEMA_VERSION):
            raise RuntimeError(f"{path} has schema {self.meta.get('schema')}, expected "
                               f"{SCHEMA_VERSION}; delete it and it is rebuilt")
        self.max_words = int(self.meta["max_words"])
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[NameHit, ...]] = {}

    @classmethod
    def open(cls, cache_dir: Path | None = None) -> GazetteerStore:
        """Open the store for today's sources in ``cache_dir``, building it once if needed."""
        return cls(ensure_store(cache_dir))

    @classmethod
    def shared(cls, cache_dir: Path | None = None) -> GazetteerStore:
        """One store per process and folder, opened (and built) on first use.

        Args:
            cache_dir: the ``gazetteer_cache_dir`` setting; None for the default folder.
        """
        store = cls._shared.get(cache_dir)
        if store is None:
            with cls._shared_lock:
                store = cls._shared.get(cache_dir)
                if store is None:
                    store = cls._shared[cache_dir] = cls.open(cache_dir)
        return store

    def close(self) -> None:
        """Close the file (lookups fail afterwards)."""
        self._db.close()

    def _rows(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def __len__(self) -> int:
        """The number of distinct name keys."""
        return int(self.meta["count.keys"])

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(normalize(name)))

    def lookup(self, key: str) -> tuple[NameHit, ...]:
        """Every place an already normalised name may mean, in source order."""
        hits = self._cache.get(key)
        if hits is None:
            rows = self._rows(f"SELECT {_SELECT}, n.weak FROM names n JOIN places p ON p.row = n.row "
                              "WHERE n.key = ? ORDER BY n.row", (key,))
            hits = tuple(NameHit(_place(r), bool(r[-1])) for r in rows)
            if len(self._cache) >= LOOKUP_CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = hits
        return hits

    def lookup_name(self, name: str) -> tuple[NameHit, ...]:
        """Like :meth:`lookup` for a name as written."""
        return self.lookup(normalize(name))

    def get(self, geonames_id: int) -> Place | None:
        """The place with a GeoNames id."""
        rows = self._rows(f"SELECT {_SELECT} FROM places p WHERE p.geonames_id = ? ORDER BY p.row "
                          "LIMIT 1", (geonames_id,))
        return _place(rows[0]) if rows else None

    def country(self, code: str | None) -> Place | None:
        """The country with an ISO alpha-2 code."""
        if not code:
            return None
        rows = self._rows(f"SELECT {_SELECT} FROM places p WHERE p.country_code = ? "
                          "AND p.feature = 'country' LIMIT 1", (code.upper(),))
        return _place(rows[0]) if rows else None

    def admin1(self, country: str, code: str) -> Place | None:
        """A first-level area by ISO 3166-2 code ("UA-59") or GeoNames code ("21" or "UA.21")."""
        country = country.upper()
        geonames = code if "." in code else f"{country}.{code}"
        rows = self._rows(f"SELECT {_SELECT} FROM places p WHERE p.country_code = ? "
                          "AND p.feature = 'admin1' AND (p.admin1_code = ? OR p.admin1_geonames = ?) "
                          "ORDER BY p.row LIMIT 1", (country, code.upper(), geonames))
        return _place(rows[0]) if rows else None

    def admin1_name(self, code: str | None) -> str | None:
        """The name of a first-level area by ISO 3166-2 code, like ``Gazetteer.admin1_name``."""
        if not code or "-" not in code:
            return None
        area = self.admin1(code.split("-")[0], code)
        return area.name if area else None
