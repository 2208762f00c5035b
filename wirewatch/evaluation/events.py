"""``wirewatch eval events``: event typing on CASE-2021 (subtypes) and PLOVER (categories).

Each snippet goes through the real :class:`~streams.tagging.tagger.Tagger` as
an article body; the highest-confidence event is the prediction (no event
counts as OTHER for CASE and as NONE for PLOVER). The data is read in place.

``--set team`` scores the team's own set instead (``tests/data/events_team_set.tsv``:
sentences written by us, each with a subtype and a category), overall and per
part; the parts written after the tuning estimate how the rules do on text
they were not tuned on.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from schemas import Event, RawArticle, article_id
from wirewatch.evaluation.data import EvalDataMissing, eval_file

CASE_FILE = "case2021-{split}.tsv"
PLOVER_FILE = "plover-gsr-{split}.json"
TEAM_SET = Path(__file__).resolve().parents[2] / "tests" / "data" / "events_team_set.tsv"
TEAM = "team"
ALL_PARTS = "all"
NO_EVENT = "OTHER"
NO_CATEGORY = "NONE"
# The gold set uses PLOVER's older labels; the contract uses PLOVER 2.0's.
PLOVER_LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                 "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class Scores:
    """Per-class precision, recall, F1 and support, plus the headline figures."""

    per_class: dict[str, tuple[float, float, float, int]]
    macro_f1: float
    accuracy: float
    confusions: list[tuple[str, str, int]]
    weighted_f1: float = 0.0  # class F1s weighted by gold support (CASE-2021's ranking figure)


def score(gold: Sequence[str], predicted: Sequence[str], top_confusions: int = 10) -> Scores:
    """Macro-F1 over the gold classes, accuracy and the most frequent confusions."""
    pairs = list(zip(gold, predicted, strict=True))
    per_class: dict[str, tuple[float, float, float, int]] = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        n_pred = sum(1 for _, p in pairs if p == label)
        n_gold = sum(1 for g, _ in pairs if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = (precision, recall, f1, n_gold)
    macro = sum(v[2] for v in per_class.values()) / len(per_class) if per_class else 0.0
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    confusions = Counter((g, p) for g, p in pairs if g != p).most_common(top_confusions)
    weighted = sum(v[2] * v[3] for v in per_class.values()) / len(pairs) if pairs else 0.0
    return Scores(per_class, macro, accuracy, [(g, p, n) for (g, p), n in confusions], weighted)


def top_event(events: Iterable[Event]) -> Event | None:
    """The highest-confidence event (the first one on ties)."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def _articles(texts: Sequence[str]) -> list[RawArticle]:
    now = datetime.now(UTC).replace(microsecond=0)
    return [RawArticle(id=article_id(None, "", t), source="eval:events", body=t, fetched_at=now)
            for t in texts]


def predict(tagger, texts: Sequence[str]) -> list[Event | None]:
    """The top event of each text, tagged as an article body."""
    return [top_event(a.events) for a in tagger.tag_batch(_articles(texts))]


def load_case(split: str) -> tuple[list[str], list[str]]:
    """CASE-2021 snippets and gold subtypes."""
    with eval_file(CASE_FILE.format(split=split)).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [r["EventSnippet"] for r in rows], [r["SubType"].strip() for r in rows]


def load_plover(split: str) -> tuple[list[str], list[str]]:
    """PLOVER gold-standard sentences and gold categories mapped to PLOVER 2.0."""
    records = json.loads(eval_file(PLOVER_FILE.format(split=split)).read_text(encoding="utf-8"))
    return [r["text"] for r in records], [PLOVER_LEGACY.get(r["event"], r["event"]) for r in records]


def load_team(path: Path = TEAM_SET) -> list[dict[str, str]]:
    """The team set's rows: ``text``, gold ``subtype``, gold ``category`` (NONE: no
    event) and ``part`` (``tune``: written first and tuned on; ``check``,
    ``check2``, ``check3``, ``check4``: written later, each scored before the rules were
    changed for it, to measure them on wording they had not seen).

    Raises:
        FileNotFoundError: the set is not there (it ships with the repository, not the wheel).
    """
    if not path.is_file():
        raise FileNotFoundError(f"the team event set is missing at {path}; run from a checkout")
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: v.strip() for k, v in row.items()}
                for row in csv.DictReader(handle, delimiter="\t")]


def _subtypes(events: Iterable[Event | None]) -> list[str]:
    return [(e.subtype or NO_EVENT) if e else NO_EVENT for e in events]


def _categories(events: Iterable[Event | None]) -> list[str]:
    return [e.category if e else NO_CATEGORY for e in events]


def evaluate_case(tagger, split: str = "dev") -> Scores:
    texts, gold = load_case(split)
    return score(gold, _subtypes(predict(tagger, texts)))


def evaluate_plover(tagger, split: str = "dev") -> Scores:
    texts, gold = load_plover(split)
    return score(gold, _categories(predict(tagger, texts)))


def evaluate_team(tagger, path: Path = TEAM_SET) -> dict[str, tuple[Scores, Scores]]:
    """Subtype and category scores on the team set, overall (``all``) and per part.

    One tagging pass; each value is (subtype scores, category scores).
    """
    rows = load_team(path)
    top = predict(tagger, [r["text"] for r in rows])
    subtypes, categories = _subtypes(top), _categories(top)
    out: dict[str, tuple[Scores, Scores]] = {}
    for part in [ALL_PARTS, *dict.fromkeys(r["part"] for r in rows)]:
        keep = [i for i, r in enumerate(rows) if part in (ALL_PARTS, r["part"])]
        out[part] = (score([rows[i]["subtype"] for i in keep], [subtypes[i] for i in keep]),
                     score([rows[i]["category"] for i in keep], [categories[i] for i in keep]))
    return out


def _table(title: str, scores: Scores) -> Table:
    table = Table(title=title)
    for column in ("class", "P", "R", "F1", "n"):
        table.add_column(column, justify="left" if column == "class" else "right")
    for label, (p, r, f1, n) in sorted(scores.per_class.items(), key=lambda kv: kv[1][2]):
        table.add_row(label, f"{p:.2f}", f"{r:.2f}", f"{f1:.2f}", str(n))
    return table


def _confusions(title: str, scores: Scores) -> Table:
    table = Table(title=title)
    for column in ("gold", "predicted", "count"):
        table.add_column(column)
    for gold, predicted, n in scores.confusions:
        table.add_row(gold, predicted, str(n))
    return table


def _report_team(console: Console, tagger) -> None:
    try:
        results = evaluate_team(tagger)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    subtypes, categories = results[ALL_PARTS]
    console.print(_table("Team set: subtypes of the top event", subtypes))
    console.print(_confusions("Team set subtype confusions", subtypes))
    console.print(_table("Team set: categories of the top event", categories))
    console.print(_confusions("Team set category confusions", categories))
    for part, (sub, cat) in results.items():
        n = sum(v[3] for v in sub.per_class.values())
        console.print(f"Team set {part} (n={n}): subtype macro-F1 [bold]{sub.macro_f1:.3f}[/bold] "
                      f"(accuracy {sub.accuracy:.3f}); category accuracy "
                      f"[bold]{cat.accuracy:.3f}[/bold]")


SETS = ("dev", TEAM, "frozen", "realis-dev", "train", "roles-dev", "cv", "cv-grouped")
KINDS = ("rules", "trained", "hybrid")


@click.command(name="events")
@click.option("--set", "split", type=click.Choice(SETS), default="dev", show_default=True,
              help="dev: CASE-2021 and PLOVER dev sets in ../shared/eval; team: the older team "
                   "set (tuned on); frozen: the frozen team test set; realis-dev: the team's realis "
                   "development sets (data/events/dev/realis-dev-v1.jsonl, -v2 and -v3: new writers' "
                   "hard negatives, never trained on; one table each); cv: 5-fold cross-validation "
                   "on the training corpus (trains the model five times: minutes); cv-grouped: "
                   "cross-validation that holds out one corpus (one writer, one register) at a "
                   "time, which estimates accuracy on prose unlike the training corpus; train: "
                   "roles only (actors, targets, place, day) on the training corpus, "
                   "which they are tuned on (trains nothing); roles-dev: roles only on the "
                   "team's role development sets (data/events/dev/roles-dev-v1.jsonl to -v5)")
@click.option("--model", "kind", type=click.Choice([*KINDS, "both"]), default="both",
              show_default=True, help="which events component to score: the hand rules, the "
                                      "trained model, the hybrid of both, or all side by side")
@click.option("--spacy-model", default=None, help="spaCy model (default: the configured one)")
@click.option("--misses", default=0, show_default=True,
              help="with --set train or roles-dev: print this many misses of each role kind; "
                   "with --set realis-dev: this many hard negatives read the wrong way round")
@click.option("--leave-out", default="", metavar="LETTERS",
              help="with --set cv or cv-grouped: corpora (letters of their ids, e.g. I or IG) "
                   "neither trained on nor scored, to measure what a corpus adds")
@click.option("--hold-out", default="", metavar="LETTERS",
              help="with --set cv-grouped: hold out only these corpora, in this order, each "
                   "trained on all the others (default: every corpus)")
@click.option("--readings-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="with --set cv or cv-grouped: save the readings (a pickle) for "
                   "training/events/choose_hybrid.py --readings, after each fold")
@click.option("--seed", type=int, default=None,
              help="with --set cv or cv-grouped: the training seed instead of the config's (one "
                   "grouped-CV run's objective moves by up to ~0.003 with the seed; session 31); "
                   "the realis bag's other heads take the next seeds")
@click.option("--rescore", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="with --set cv or cv-grouped: train nothing; score this tree's rules against the "
                   "model readings saved by an earlier run (--readings-out) at its seed, in a minute. "
                   "Exact for changes the model does not read (the realis scope, the veto, the "
                   "ranking); refused when the model's inputs changed (wirewatch/evaluation/cv_rescore.py)")
@click.option("--trust-features", is_flag=True, default=False,
              help="with --rescore: score readings saved before they recorded the model's inputs")
@click.option("--event-model", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="the trained event model folder to score (default: the shipped "
                   "streams/tagging/events/model), e.g. one trained into a scratch folder with "
                   "python -m wirewatch.training.events --out DIR")
def events(split: str, kind: str, spacy_model: str | None, misses: int, leave_out: str,
           hold_out: str, readings_out: Path | None, seed: int | None, rescore: Path | None,
           trust_features: bool, event_model: Path | None) -> None:
    """Score event typing, rules and trained model side by side (see --set)."""
    import pickle

    from core.settings import get_settings
    from streams.tagging.config import load_config
    from streams.tagging.tagger import Tagger
    from wirewatch.evaluation import event_report
    from wirewatch.evaluation.event_typing import (
        CvReadings,
        cv_readings,
        cv_scores,
        evaluate_frozen,
        events_config,
    )

    console = Console()
    parser = spacy_model or get_settings().spacy_model
    kinds = list(KINDS) if kind == "both" else [kind]
    if split in ("cv", "cv-grouped"):
        grouped = split == "cv-grouped"
        def save(readings: CvReadings) -> None:
            if readings_out is not None:
                readings_out.write_bytes(pickle.dumps(readings))

        if rescore is not None:
            from wirewatch.evaluation.cv_rescore import StaleReadings
            from wirewatch.evaluation.cv_rescore import rescore as rescore_rules

            try:
                cv = rescore_rules(pickle.loads(rescore.read_bytes()), parser, tuple(leave_out), trust_features)
            except StaleReadings as error:
                raise click.ClickException(f"{rescore}: {error}") from error
            save(cv)
        else:
            cv = cv_readings(parser, log=console.print, grouped=grouped, leave_out=tuple(leave_out),
                             hold_out=tuple(hold_out), on_fold=save, seed=seed)
        results, parts = cv_scores(cv)
        title = ("grouped cross-validation (one corpus held out at a time)" if grouped
                 else "5-fold cross-validation on the training corpus")
        event_report.typing(console, title, {k: results[k] for k in kinds})
        event_report.folds(console, f"{title}: each held-out part",
                           {fold: {k: s[k] for k in kinds} for fold, s in parts.items()})
        event_report.objectives(console, parts, kinds, pooled=results)
        return
    base = load_config()
    if event_model is not None:
        base = base.with_data("events", model=event_model.resolve())
    taggers = {k: Tagger(parser, config=events_config(k, base)) for k in kinds}
    if split in ("train", "roles-dev"):
        from wirewatch.evaluation.event_roles import report_roles_dev, report_training

        report = report_training if split == "train" else report_roles_dev
        for k, tagger in taggers.items():
            console.rule(f"event roles on the {'training corpus' if split == 'train' else 'role dev set'}: {k}")
            report(console, tagger, misses)
        return
    if split == TEAM:
        for k, tagger in taggers.items():
            console.rule(f"events component: {k}")
            _report_team(console, tagger)
        return
    if split == "realis-dev":
        from wirewatch.evaluation.event_roles import REALIS_DEV_SETS, load_team_set, report_articles
        from wirewatch.evaluation.event_typing import predict_articles, realis_misses, typing_scores
        from wirewatch.training.corpus import read_articles

        for version, path in REALIS_DEV_SETS.items():
            articles = read_articles(path)
            gold = [s for a in articles for s in a.sentences]
            predicted = {k: predict_articles(t, articles) for k, t in taggers.items()}  # types and misses
            event_report.typing(console, f"realis development set (realis-dev-{version})",
                                {k: typing_scores(gold, p) for k, p in predicted.items()})
            for k, tagger in taggers.items():
                console.rule(f"event roles on the realis development set {version}: {k}")
                report_articles(console, tagger, f"realis dev set {version}", load_team_set(path))
                for line in realis_misses(articles, predicted[k])[:misses]:
                    console.print(f"realis miss ({k}, {version}): {line}", markup=False, highlight=False,
                                  soft_wrap=True)
        return
    if split == "frozen":
        from wirewatch.evaluation.event_roles import report_frozen

        event_report.typing(console, "frozen team test set (events-frozen-v1)",
                            {k: evaluate_frozen(t) for k, t in taggers.items()})
        for k, tagger in taggers.items():  # who did what to whom, where and when
            console.rule(f"event roles on the frozen team set: {k}")
            report_frozen(console, tagger)
        return
    try:
        load_case(split), load_plover(split)
    except EvalDataMissing as exc:
        raise click.ClickException(str(exc)) from exc
    event_report.dev(console, split, {k: (evaluate_case(t, split), evaluate_plover(t, split))
                                      for k, t in taggers.items()})
    from wirewatch.evaluation.event_roles import report as report_roles

    for k, tagger in taggers.items():  # who did what to whom, where and when
        console.rule(f"event roles: {k}")
        report_roles(console, tagger, split)
