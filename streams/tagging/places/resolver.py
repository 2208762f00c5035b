"""Toponyms found, resolved to GeoNames with coordinates, as contract Places.

The entry point of the places component. Finding is
:mod:`streams.tagging.places.finder`, choosing a reading is
:mod:`streams.tagging.places.resolve`; this module groups the mentions of each
place and scores how central the place is to the article, and builds the
component from its config (the gazetteer and the stoplist).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from schemas import Mention, Place
from streams.tagging.component import Work
from streams.tagging.config import ComponentConfig, PipelineConfigError
from streams.tagging.places.finder import find_toponyms
from streams.tagging.places.gazetteer import (
    Candidate,
    Gazetteer,
    NameIndex,
    StoreGazetteer,
    table_names,
)
from streams.tagging.places.peoples import find_demonyms
from streams.tagging.places.resolve import resolve_all
from streams.tagging.places.store import GazetteerStore
from streams.tagging.places.toponym import Resolution, Toponym
from streams.tagging.resources import RESOURCES, ResourceCache
from streams.tagging.shared.slug import slugify
from streams.tagging.shared.text import ArticleText

LEAD_CHARS = 400  # the lead: roughly the first paragraph of the body
_UNRESOLVED_FEATURE = {"FAC": "facility", "LOC": "region"}


def load_stoplist(path: Path) -> frozenset[str]:
    """Lowercase names never taken as places (one a line, ``#`` comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def peoples_named(doc: Doc, toponyms: list[Toponym], gazetteer: NameIndex) -> Counter:
    """The countries ``doc`` names by their people's word ("Nigerian police": NG), a count a mention."""
    return Counter(code for _, _, code in find_demonyms(doc, [(t.start, t.end) for t in toponyms], gazetteer))


class PlaceResolver:
    """The places component: finds toponyms in a doc and resolves them against the gazetteer.

    ``extract`` is pure given the doc and does no I/O.
    """

    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("places",)

    def __init__(self, gazetteer: NameIndex, stoplist: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.stoplist = stoplist

    @classmethod
    def from_config(cls, config: ComponentConfig, resources: ResourceCache = RESOURCES) -> PlaceResolver:
        """The resolver over the gazetteer and stoplist the config names (loaded once per process)."""
        stoplist_file = config.file("stoplist")
        stoplist = resources.get("place stoplist", stoplist_file, lambda: load_stoplist(stoplist_file))
        return cls(load_gazetteer(config, resources), stoplist)

    def __call__(self, work: Work) -> None:
        work.places = self.extract(work.doc, work.text)

    def extract(self, doc: Doc, text: ArticleText) -> list[Place]:
        """Every place the article names, with all its mentions.

        Args:
            doc: the spaCy doc of ``text.text``.
            text: the article's combined text, to map offsets back to fields.

        Returns:
            Places ordered by first mention; unresolved toponyms get
            ``place:<slug>`` ids and confidence 0.
        """
        toponyms = find_toponyms(doc, self.gazetteer, self.stoplist)
        resolutions = resolve_all(toponyms, self.gazetteer, peoples_named(doc, toponyms, self.gazetteer))
        grouped: dict[str, dict] = {}
        for toponym, resolution in zip(toponyms, resolutions, strict=True):
            if resolution is None:
                continue
            mention = text.mention(toponym.start, toponym.end)
            if mention is None:
                continue
            fields = self._fields(toponym, resolution, mention)
            entry = grouped.setdefault(fields["id"], {**fields, "mentions": []})
            entry["confidence"] = max(entry["confidence"], fields["confidence"])
            entry["mentions"].append(mention)
        most = max((len(e["mentions"]) for e in grouped.values()), default=1)
        return [Place(**entry, salience=place_salience(entry["mentions"], most, text))
                for entry in grouped.values()]

    def _fields(self, toponym: Toponym, resolution: Resolution, mention: Mention) -> dict:
        c = resolution.candidate
        if c is None:
            return {"id": f"place:{slugify(mention.text)}", "name": mention.text, "geonames_id": None,
                    "feature": _UNRESOLVED_FEATURE.get(toponym.label, "other"),
                    "country_code": None, "admin1": None, "lat": None, "lon": None,
                    "confidence": 0.0}
        return {"id": c.id, "name": c.name, "geonames_id": c.geonames_id, "feature": c.feature,
                "country_code": c.country_code, "admin1": self._admin1(c),
                "lat": c.lat, "lon": c.lon, "confidence": resolution.confidence}

    def _admin1(self, c: Candidate) -> str | None:
        if c.feature == "admin1":
            return c.name
        return self.gazetteer.admin1_name(c.admin1_code)


def place_salience(mentions: list[Mention], most: int, text: ArticleText) -> float:
    """Position (title, lead) and share of mentions (of ``most``, the most any place has), in 0..1."""
    in_title = any(m.field == "title" for m in mentions)
    in_lead = any(m.field == "body" and m.start < LEAD_CHARS for m in mentions)
    value = 0.5 * len(mentions) / most + (0.3 if in_title else 0.0) + (0.2 if in_lead else 0.0)
    return round(min(1.0, value), 3)


def load_gazetteer(config: ComponentConfig, resources: ResourceCache = RESOURCES) -> NameIndex:
    """The gazetteer of the places config.

    ``store`` (the default) opens the prebuilt SQLite store in the
    ``cache_dir`` option's folder (else the ``gazetteer_cache_dir`` setting),
    building it once per machine when missing; ``tables`` indexes only the
    hand-written ``natural_features`` table (tests, small deployments).
    """
    kind = config.options.get("gazetteer", "store")
    if kind == "tables":
        features = config.file("natural_features")
        return resources.get("gazetteer", (kind, features), lambda: Gazetteer(table_names(features)))
    if kind == "store":
        cache_dir = config.options.get("cache_dir")
        if cache_dir is None:
            from core.settings import get_settings

            cache_dir = get_settings().gazetteer_cache_dir
        folder = Path(cache_dir) if cache_dir is not None else None
        return resources.get("gazetteer", (kind, folder),
                             lambda: StoreGazetteer(GazetteerStore.shared(folder)))
    raise PipelineConfigError(
        f"component {config.name!r}: option gazetteer is {kind!r}; use 'store' or 'tables'"
    )
