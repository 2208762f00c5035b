"""The hand-written tables: natural features, named regions, facilities, missing towns.

No offline package ships GeoNames' natural features (classes H and T), so
rivers, seas and mountains come from ``streams/tagging/data/natural_features.tsv``
extended by ``data/natural_features_extra.tsv`` here (a row with the same
name adds aliases and a feature code to the older row). ``data/local_places.tsv``
holds towns the cities500 extract lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from streams.tagging.places.store.admin import Areas, data_rows
from streams.tagging.places.store.keys import ascii_fold
from streams.tagging.places.store.model import FEATURES, Place, PlaceRecord
from streams.tagging.places.store.paths import STORE_DATA, TAGGING_DATA
from streams.tagging.shared.slug import slugify

_CODE_RULES = (  # (feature, word in a name, GeoNames class.code): first match wins
    ("water", r"\bsea\b", "H.SEA"), ("water", r"\bocean\b", "H.OCN"), ("water", r"\bgulf\b", "H.GULF"),
    ("water", r"\bstrait\b|bosphorus|dardanelles|bab el", "H.STRT"), ("water", r"\bcanal\b", "H.CNL"),
    ("water", r"\blakes?\b", "H.LK"), ("water", r"\bchannel\b", "H.CHN"), ("water", r"\bbay\b", "H.BAY"),
    ("water", r"\briver\b|\brio\b", "H.STM"),
    ("landform", r"\bmount\b|\bmt\b|kilimanjaro|everest", "T.MT"),
    ("landform", r"mountains|alps|himalayas|andes|carpathians|\brange\b|kush", "T.MTS"),
    ("landform", r"peninsula", "T.PEN"), ("landform", r"desert|sahara|gobi", "T.DSRT"),
    ("landform", r"heights|plateau", "T.UPLD"), ("region", r".", "L.RGN"), ("facility", r".", "S.BLDG"),
)


def infer_code(feature: str, names: list[str]) -> str:
    """A GeoNames class.code for a hand row without one, from the words of its names."""
    text = " ".join(names).lower()
    for rule_feature, pattern, code in _CODE_RULES:
        if feature == rule_feature and re.search(pattern, text):
            return code
    return {"water": "H.", "landform": "T.", "city": "P.PPL"}.get(feature, "L.")


def _feature_rows() -> dict[str, list[str]]:
    """The old table's rows by name, extended by the new table's."""
    rows: dict[str, list[str]] = {}
    for row in data_rows(TAGGING_DATA / "natural_features.tsv"):
        rows[row[0]] = (row + [""] * 7)[:7]
    for row in data_rows(STORE_DATA / "natural_features_extra.tsv"):
        row = (row + [""] * 7)[:7]
        old = rows.get(row[0])
        if old is None:
            rows[row[0]] = row
        else:  # same place: more aliases, and a code
            aliases = [a for a in (old[1] + "," + row[1]).split(",") if a.strip()]
            old[1] = ",".join(dict.fromkeys(a.strip() for a in aliases))
            old[6] = row[6] or old[6]
    return rows


def feature_records() -> Iterator[PlaceRecord]:
    """Seas, rivers, mountains, named regions and facilities."""
    for name, aliases, feature, lat, lon, country, code in _feature_rows().values():
        if feature not in FEATURES:
            raise ValueError(f"natural feature {name!r} has feature {feature!r}; use one of {FEATURES}")
        names = [name, *(a.strip() for a in aliases.split(",") if a.strip())]
        fclass, _, fcode = (code or infer_code(feature, names)).partition(".")
        place = Place(
            id=f"place:{slugify(name)}", name=name, feature=feature, country_code=country or None,
            lat=float(lat), lon=float(lon), ascii_name=ascii_fold(name),
            feature_class=fclass, feature_code=fcode,
        )
        yield PlaceRecord(place, [(n, False) for n in names])


def local_records(areas: Areas) -> Iterator[PlaceRecord]:
    """Towns missing from cities500, each with its ISO first-level area."""
    admin1 = {r.place.admin1_code: r.place for r in areas.records
              if r.place.feature == "admin1" and r.place.admin1_code}
    for row in data_rows(STORE_DATA / "local_places.tsv"):
        name, aliases, lat, lon, country, region, population = (row + [""] * 7)[:7]
        area = admin1.get(region)
        place = Place(
            id=f"place:{slugify(name)}-{country.lower()}", name=name, feature="city",
            country_code=country, admin1_code=region or None, lat=float(lat), lon=float(lon),
            population=int(population or 0), ascii_name=ascii_fold(name), feature_class="P",
            feature_code="PPL", admin1_geonames=area.admin1_geonames if area else None,
            admin1_name=area.name if area else None,
        )
        yield PlaceRecord(place, [(name, False), *((a.strip(), False) for a in aliases.split(",") if a.strip())])
