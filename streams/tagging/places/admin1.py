"""First-level regions from the ``iso3166-2`` package, in gazetteer form.

The package gives each subdivision a local name ("Sumska oblast"), English
variants ("Sumy (eng)") and a point. This module turns that into canonical
English names ("Sumy Oblast"), the names a news text uses for them, and a
mapping from GeoNames' own admin1 codes (which cities carry) to ISO codes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from statistics import median

# Trailing words that name the kind of region, not the region itself.
GENERIC_SUFFIX = re.compile(
    r"\s+(oblast'?|region|province|governorate|prefecture|state|kraj|kray|krai|"
    r"sheng|shi|zizhiqu|county|district|department|municipality|autonomous region|"
    r"autonomous republic|voivodeship|canton|emirate|republic)$",
    re.IGNORECASE,
)
# Transliterated kinds of region that English writes after the English name.
_KIND_SUFFIXES = ((r"oblast'?$", "Oblast"), (r"kra[ij]$", "Krai"))
_ENG_VARIANT = re.compile(r"^(.*?)\s*\(eng\)$")
_BRACKETS = re.compile(r"\s*\[.*?\]\s*")
# Variants such as "SA", "Qld" or "The Sunshine State" match too much text.
_MIN_VARIANT_LEN = 4
# Below this likeness to the local name an English variant is a translation.
_MIN_SIMILARITY = 0.5


@dataclass(frozen=True, slots=True)
class Admin1:
    """One first-level subdivision."""

    code: str  # ISO 3166-2, e.g. "UA-59"
    country_code: str
    name: str  # canonical English name, e.g. "Sumy Oblast"
    full_names: tuple[str, ...]  # names that on their own mean the region
    short_names: tuple[str, ...]  # names shared with a city ("Sumy"): weaker evidence
    lat: float | None
    lon: float | None
    parent: str | None = None  # the first-level region of a second-level one


def _similarity(a: str, b: str) -> float:
    fold_a, fold_b = (unicodedata.normalize("NFKD", x).encode("ascii", "ignore").decode().lower()
                      for x in (a, b))
    return SequenceMatcher(None, fold_a, fold_b).ratio()


def _english_variants(other: str | None) -> list[str]:
    variants = []
    for part in (other or "").split(","):
        match = _ENG_VARIANT.match(part.strip())
        if match and match.group(1):
            variants.append(_BRACKETS.sub(" ", match.group(1)).strip())
    return variants


def _is_nickname(variant: str, name: str) -> bool:
    """"The Lone Star State", "Land of Temples", "Free State of Bavaria"."""
    lower = variant.lower()
    return lower.startswith(("the ", "land of ")) or (" of " in lower and " of " not in name.lower())


def _canonical(name: str, english: list[str]) -> str:
    plain = [v for v in english if not _is_nickname(v, name)]
    for pattern, kind in _KIND_SUFFIXES:
        if plain and re.search(pattern, name, re.IGNORECASE):
            return plain[0] if plain[0].endswith(kind) else f"{plain[0]} {kind}"
    if ", " in name:  # "Dagestan, Respublika" -> "Dagestan"
        name = name.split(", ")[0]
    if name.isascii():  # English variants of ASCII names are often nicknames ("Qld")
        return name
    if plain:  # "Ḩalab" -> "Aleppo"
        return plain[0]
    if not name.isascii():  # "Tamil Nādu" -> "Tamil Nadu"
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
        return folded.strip() or name
    return name


def admin1_from_record(code: str, record: dict) -> Admin1:
    """Build an :class:`Admin1` from one ``iso3166-2`` record.

    Args:
        code: the ISO 3166-2 code, e.g. ``"UA-59"``.
        record: the package's dict (``name``, ``localOtherName``, ``latLng``...).
    """
    raw_name = _BRACKETS.sub(" ", record["name"]).strip()
    english = [v for v in _english_variants(record.get("localOtherName")) if v]
    name = _canonical(raw_name, english)
    full: list[str] = []
    short: list[str] = []
    for variant in dict.fromkeys([name, raw_name, *english]):
        if len(variant) < _MIN_VARIANT_LEN or variant.lower().startswith("the "):
            continue
        stripped = GENERIC_SUFFIX.sub("", variant).strip()
        if stripped and stripped != variant:
            full.append(variant)
            if len(stripped) >= _MIN_VARIANT_LEN - 1:
                short.append(stripped)
        elif name.lower().endswith(" oblast") and variant in english:
            short.append(variant)  # "Sumy" (eng) of "Sumy Oblast" is also the city
        elif variant in english and _similarity(variant, raw_name) < _MIN_SIMILARITY:
            short.append(variant)  # a translation ("Peace" for La Paz): weak evidence
        else:
            full.append(variant)
    lat_lon = record.get("latLng") or [None, None]
    return Admin1(
        code=code, country_code=code.split("-")[0], name=name,
        full_names=tuple(dict.fromkeys(full)),
        short_names=tuple(n for n in dict.fromkeys(short) if n not in full),
        lat=lat_lon[0], lon=lat_lon[1], parent=record.get("parentCode") or None,
    )


def load_subdivisions() -> Iterator[Admin1]:
    """Every subdivision the ``iso3166-2`` package knows (``parent`` set below the top)."""
    from iso3166_2 import CountrySubdivisions, Subdivisions

    subdivisions = Subdivisions()
    for country in subdivisions.all:
        # One alpha-2 code always gives its country's view; the package types
        # the lookup as a union with single-subdivision and multi-country results.
        records = subdivisions[country]
        if not isinstance(records, CountrySubdivisions):
            raise TypeError(f"iso3166-2 returned {type(records).__name__} for country {country!r}; "
                            "expected its subdivisions (check the installed iso3166-2 version)")
        for code, record in records.items():
            yield admin1_from_record(code, record)


def load_admin1() -> Iterator[Admin1]:
    """Every top-level subdivision."""
    return (r for r in load_subdivisions() if r.parent is None)


def match_admin1_codes(
    cities: Iterable[tuple[str, str, float, float]], regions: Iterable[Admin1],
) -> dict[tuple[str, str], str]:
    """Map GeoNames admin1 codes to ISO 3166-2 codes by where their towns lie.

    GeoNames cities carry GeoNames' own admin1 code ("17" for Odesa Oblast);
    the region table is keyed by ISO code ("UA-51"). Within each country the
    codes and the regions are paired one to one so that the total distance
    from each code's median town to its region's point is smallest. Nearest
    point alone fails for large regions whose point lies far from their
    towns (Quebec's towns lie nearer New Brunswick's point than Quebec's).
    A wrong pairing only costs a city its ``admin1`` name.

    Args:
        cities: (country code, GeoNames admin1 code, lat, lon) per city.
        regions: the ISO regions with points.

    Returns:
        (country code, GeoNames admin1 code) -> ISO 3166-2 code.
    """
    # (region, its point) per country; regions without a point cannot be paired
    by_country: dict[str, list[tuple[Admin1, tuple[float, float]]]] = defaultdict(list)
    for region in regions:
        if region.lat is not None and region.lon is not None:
            by_country[region.country_code].append((region, (region.lat, region.lon)))
    towns: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    for country, code, lat, lon in cities:
        if code and country in by_country:
            towns[country][code].append((lat, lon))
    mapping: dict[tuple[str, str], str] = {}
    for country, groups in towns.items():
        regs = by_country[country]
        if country == "US":  # GeoNames uses the postal codes, like ISO
            iso = {r.code for r, _ in regs}
            mapping.update({(country, c): f"US-{c}" for c in groups if f"US-{c}" in iso})
            continue
        codes = sorted(groups)
        centres = [(median(p[0] for p in groups[c]), median(p[1] for p in groups[c])) for c in codes]
        cost = [[_distance(centre, point) for _, point in regs] for centre in centres]
        for row, column in _assign(cost).items():
            mapping[(country, codes[row])] = regs[column][0].code
    return mapping


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance in degrees: plenty to compare points within a country."""
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0])))


def _assign(cost: list[list[float]]) -> dict[int, int]:
    """Rows to distinct columns with a small total cost: greedy, then pair swaps.

    Good enough for the few dozen regions of a country; rows beyond the
    number of columns get their nearest column.
    """
    rows, columns = len(cost), len(cost[0])
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for _, row, column in sorted((cost[r][c], r, c) for r in range(rows) for c in range(columns)):
        if row not in chosen and column not in taken:
            chosen[row] = column
            taken.add(column)
    improved = True
    while improved:  # every change lowers the total cost, so this ends
        improved = False
        assigned = list(chosen)
        for i, a in enumerate(assigned):
            for b in assigned[i + 1:]:
                ca, cb = chosen[a], chosen[b]
                if cost[a][cb] + cost[b][ca] < cost[a][ca] + cost[b][cb] - 1e-9:
                    chosen[a], chosen[b] = cb, ca
                    improved = True
            for column in set(range(columns)) - set(chosen.values()):
                if cost[a][column] < cost[a][chosen[a]] - 1e-9:
                    chosen[a] = column
                    improved = True
    for row in range(rows):
        chosen.setdefault(row, min(range(columns), key=cost[row].__getitem__))
    return chosen
