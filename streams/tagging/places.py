"""Toponyms found, resolved to GeoNames with coordinates, as contract Places.

Finding is :mod:`streams.tagging.geo_finder`, choosing a reading is
:mod:`streams.tagging.geo_resolve`; this module groups the mentions of each
place and scores how central the place is to the article.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import ClassVar

from spacy.tokens import Doc

from schemas import Mention, Place
from streams.tagging.gazetteer import Candidate, Gazetteer
from streams.tagging.geo_finder import Toponym, find_toponyms
from streams.tagging.geo_resolve import Resolution, resolve_all
from streams.tagging.slug import slugify
from streams.tagging.text import ArticleText

STOPLIST_FILE = Path(__file__).parent / "data" / "place_stoplist.txt"
LEAD_CHARS = 400  # the lead: roughly the first paragraph of the body
_UNRESOLVED_FEATURE = {"FAC": "facility", "LOC": "region"}


def _load_stoplist(path: Path = STOPLIST_FILE) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


class PlaceResolver:
    """Finds toponyms in a doc and resolves them against the gazetteer.

    One instance per process (:meth:`default`); ``extract`` is pure given the
    doc and does no I/O.
    """

    _default: ClassVar[PlaceResolver | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, gazetteer: Gazetteer, stoplist: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.stoplist = stoplist

    @classmethod
    def default(cls) -> PlaceResolver:
        """The shared resolver over the shared gazetteer (built on first call)."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls(Gazetteer.default(), _load_stoplist())
        return cls._default

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
        resolutions = resolve_all(toponyms, self.gazetteer)
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
        return [Place(**entry, salience=_salience(entry["mentions"], grouped, text))
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


def _salience(mentions: list[Mention], grouped: dict[str, dict], text: ArticleText) -> float:
    """Position (title, lead) and share of mentions, in 0..1."""
    most = max(len(e["mentions"]) for e in grouped.values())
    in_title = any(m.field == "title" for m in mentions)
    in_lead = any(m.field == "body" and m.start < LEAD_CHARS for m in mentions)
    value = 0.5 * len(mentions) / most + (0.3 if in_title else 0.0) + (0.2 if in_lead else 0.0)
    return round(min(1.0, value), 3)
