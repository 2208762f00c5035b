"""The rows the gazetteer store holds and returns."""

from __future__ import annotations

from dataclasses import dataclass, fields

# The contract's place features, as in streams.tagging.places.gazetteer.FEATURES.
FEATURES = ("country", "admin1", "admin2", "city", "region", "water", "landform", "facility", "other")


@dataclass(frozen=True, slots=True)
class Place:
    """One place, with the fields of today's ``Candidate`` and more.

    ``admin1_code`` is ISO 3166-2 ("UA-59") like ``Candidate.admin1_code``
    when the region has one; ``admin1_geonames`` and ``admin2_code`` are
    GeoNames codes ("UA.21", "PK.03.1164211").
    """

    id: str  # "geonames:<id>" or "place:<slug>"
    name: str
    feature: str  # one of FEATURES
    geonames_id: int | None = None
    country_code: str | None = None
    admin1_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: bool = False  # a national capital
    ascii_name: str = ""
    feature_class: str = ""  # GeoNames class: A, P, H, T, L, S, V, R, U
    feature_code: str = ""  # GeoNames code: PCLI, ADM1, ADM2, PPL, PPLC, STM, MT, ...
    admin1_geonames: str | None = None
    admin1_name: str | None = None
    admin2_code: str | None = None
    admin2_name: str | None = None


@dataclass(frozen=True, slots=True)
class NameHit:
    """A place as reached through one name; ``weak`` as in ``Entry.weak``.

    A weak name is only a shortened form of the place's name ("Sumy" for
    Sumy Oblast, "Buner" for Buner District) or an abbreviation valid only
    in context ("Ky.").
    """

    place: Place
    weak: bool = False


@dataclass(slots=True)
class PlaceRecord:
    """What a source hands the builder: a place and the names it goes by."""

    place: Place
    names: list[tuple[str, bool]]  # (name, weak)


# Bump when the tables change shape: old files are then rebuilt, not misread.
SCHEMA_VERSION = 1
PLACE_COLUMNS = tuple(f.name for f in fields(Place))
