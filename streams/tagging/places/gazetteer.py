"""The name index the places component reads: lowercase name -> the places it can mean.

Two implementations of one small interface (:class:`NameIndex`):

- :class:`StoreGazetteer`, the real one: the prebuilt SQLite store of
  :mod:`streams.tagging.places.store` (GeoNames towns down to 500 inhabitants,
  first- and second-level areas with GeoNames ids, countries, natural
  features). Opening it takes milliseconds and the workers of a machine share
  its pages, so a worker starts fast and stays small.
- :class:`Gazetteer`, an in-memory index over a few hand-written rows (the
  ``tables`` option, for tests and small deployments).

A candidate is the store's :class:`~streams.tagging.places.store.Place`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from streams.tagging.places.store import FEATURES, GazetteerStore, Place, normalize
from streams.tagging.shared.slug import slugify

__all__ = ["FEATURES", "Candidate", "Entry", "Gazetteer", "NameIndex", "StoreGazetteer",
           "normalize", "table_names"]

Candidate = Place
"""One place a name may refer to (id, name, feature, GeoNames id, country, admin1, point, ...)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A candidate as reached through one name.

    ``weak`` marks a name that is only a shortened form of the place's name
    ("Sumy" for Sumy Oblast, "Buner" for Buner District), or an abbreviation
    valid only in context ("Ky." after a town).
    """

    candidate: Candidate
    weak: bool = False


class NameIndex(Protocol):
    """What the finder and the resolver need of a gazetteer."""

    max_words: int

    def lookup_key(self, key: str) -> tuple[Entry, ...]: ...

    def admin1_name(self, code: str | None) -> str | None: ...

    def country(self, code: str | None) -> Candidate | None: ...


class StoreGazetteer:
    """The SQLite gazetteer store as a :class:`NameIndex`."""

    def __init__(self, store: GazetteerStore) -> None:
        self.store = store
        self.max_words = store.max_words
        self._entries: dict[str, tuple[Entry, ...]] = {}

    def __len__(self) -> int:
        return len(self.store)

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every candidate the name may mean (empty tuple when unknown)."""
        return self.lookup_key(normalize(name))

    def lookup_key(self, key: str) -> tuple[Entry, ...]:
        """Like :meth:`lookup` for an already normalised key (the hot path)."""
        entries = self._entries.get(key)
        if entries is None:
            entries = tuple(Entry(hit.place, hit.weak) for hit in self.store.lookup(key))
            if len(self._entries) > 50_000:  # bounded like the store's own cache
                self._entries.clear()
            self._entries[key] = entries
        return entries

    def admin1_name(self, code: str | None) -> str | None:
        """The name of a first-level area by ISO 3166-2 code."""
        return self.store.admin1_name(code)

    def country(self, code: str | None) -> Candidate | None:
        """The country for an ISO alpha-2 code."""
        return self.store.country(code)


class Gazetteer:
    """An in-memory name index over ``(name, candidate, weak)`` triples (small tables, tests)."""

    def __init__(self, names: Iterable[tuple[str, Candidate, bool]]) -> None:
        index: dict[str, list[Entry]] = {}
        admin1: dict[str, str] = {}
        countries: dict[str, Candidate] = {}
        for name, candidate, weak in names:
            key = normalize(name)
            if not key:
                continue
            # "The Netherlands": the finder drops a leading "the" from spans
            for k in (key, key[4:]) if key.startswith("the ") else (key,):
                entries = index.setdefault(k, [])
                if not any(e.candidate.id == candidate.id for e in entries):
                    entries.append(Entry(candidate, weak))
            if candidate.feature == "admin1" and candidate.admin1_code:
                admin1.setdefault(candidate.admin1_code, candidate.name)
            if candidate.feature == "country" and candidate.country_code:
                countries.setdefault(candidate.country_code, candidate)
        self._index = {k: tuple(v) for k, v in index.items()}
        self._admin1_names = admin1
        self._countries = countries
        self.max_words = max((k.count(" ") + 1 for k in self._index), default=1)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, name: str) -> bool:
        return normalize(name) in self._index

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every candidate the name may mean (empty tuple when unknown)."""
        return self._index.get(normalize(name), ())

    def lookup_key(self, key: str) -> tuple[Entry, ...]:
        """Like :meth:`lookup` for an already normalised key."""
        return self._index.get(key, ())

    def admin1_name(self, code: str | None) -> str | None:
        """The canonical name of a first-level region by ISO 3166-2 code."""
        return self._admin1_names.get(code) if code else None

    def country(self, code: str | None) -> Candidate | None:
        """The country candidate for an ISO alpha-2 code."""
        return self._countries.get(code) if code else None


def table_names(features_file: Path) -> Iterable[tuple[str, Candidate, bool]]:
    """The places of a hand-written table (name, aliases, feature, lat, lon, country)."""
    for line in features_file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        row = [cell.strip() for cell in line.split("\t")]
        name, aliases, feature, lat, lon = row[:5]
        country = row[5] if len(row) > 5 and row[5] else None
        candidate = Candidate(
            id=f"place:{slugify(name)}", name=name, feature=feature, country_code=country,
            lat=float(lat), lon=float(lon),
        )
        yield name, candidate, False
        for alias in filter(None, aliases.split(",")):
            yield alias.strip(), candidate, False
