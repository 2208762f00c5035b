"""Training the learned targets (``make train``): which of a sentence's other names the event was done to.

Steps: tag the training corpus (``data/events/train``, never the frozen set, never ../shared/eval)
with the shipped pipeline while :func:`~streams.tagging.events.learned_targets.collecting`, so every
event's candidates are recorded with their features and nothing is added; keep the candidates of
the top event of each gold happening, labelled 1 when the candidate names one of the sentence's
gold targets; fit a logistic model (L2, full-batch Adam, fixed number of steps: deterministic);
choose the threshold by grouped cross-validation (one corpus held out at a time: a model fitted
on the others reads it) as the one that gives the most target F1 over the pooled held-out
corpora; write the model fitted on every corpus with that threshold.

Run: ``python -m wirewatch.training.targets`` (``make train`` does, after the event model, whose
readings the roles depend on); ``--cv`` prints the cross-validation table and writes nothing.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from core.settings import REPO_ROOT, get_settings
from schemas import event_id
from streams.tagging.events.learned_targets import Record, TargetModel, collecting, text_key
from streams.tagging.shared.text import ArticleText
from wirewatch.training.logistic import fit_logistic

WEIGHTS = REPO_ROOT / "streams" / "tagging" / "events" / "target_model.json"
TRAIN_DIR = REPO_ROOT / "data" / "events" / "train"
MIN_COUNT = 2  # a feature word seen fewer times among the candidates has no weight
L2 = 1e-4
STEPS = 400
LEARNING_RATE = 0.05
THRESHOLDS = tuple(round(0.10 + 0.05 * n, 2) for n in range(16))  # 0.10 ... 0.85


@dataclass(slots=True)
class EventSample:
    """The top event of one gold happening, as the readings left it, and its candidates."""

    corpus: str
    gold: int  # gold target names of the sentence
    found: int  # of which the readings' targets name
    named: int  # targets the readings named
    right: int  # of which name a gold target
    features: list[tuple[str, ...]]  # one per candidate
    labels: list[int]  # 1: the candidate names a gold target
    newly: list[frozenset[int]]  # per candidate: the unfound gold names (their numbers) it names


def collect(model_name: str | None = None, log=print) -> list[EventSample]:
    """Tag the training corpus and keep each gold happening's top event with its candidates."""
    from streams.tagging.config import load_config
    from streams.tagging.tagger import Tagger
    from wirewatch.evaluation.event_roles import _owned, _Spans, load_team_set
    from wirewatch.evaluation.event_typing import events_config
    from wirewatch.evaluation.events import top_event

    # the readings alone: the candidates are what they leave (a weights file need not exist yet)
    config = events_config("hybrid", load_config()).without_data("events", "target_model")
    tagger = Tagger(model_name or get_settings().spacy_model, config=config)
    samples: list[EventSample] = []
    for path in sorted(TRAIN_DIR.glob("corpus-*.jsonl")):
        corpus = path.name.split("-")[1].upper()
        articles = load_team_set(path)
        with collecting() as records:
            tagged_all = tagger.tag_batch([a.article for a in articles])
        by_event: dict[str, Record] = {}
        keys = {text_key(ArticleText.of(a.article).text): a.article.id for a in articles}
        for record in records:
            article = keys.get(record.text_key)
            if article is not None and record.category is not None:
                by_event.setdefault(event_id(article, record.sentence_start, record.category), record)
        for item, tagged in zip(articles, tagged_all, strict=True):
            spans = _Spans(tagged)
            owned = _owned(tagged.events, item.sentences)
            for number, (_, _, gold) in enumerate(item.sentences):
                event = top_event(owned.get(number, [])) if gold["realis"] else None
                candidates = by_event[event.id].candidates if event is not None and event.id in by_event else None
                if event is None or candidates is None:
                    continue
                names = list(gold["targets"])
                unfound = {n for n, name in enumerate(names) if not spans.names_any(name, event.targets)}
                matched = [frozenset(n for n, name in enumerate(names) if spans.names_any(name, [c.id]))
                           for c in candidates]
                samples.append(EventSample(
                    corpus, len(names), len(names) - len(unfound), len(event.targets),
                    sum(any(spans.names_any(name, [i]) for name in names) for i in event.targets),
                    [c.features for c in candidates],
                    [int(bool(m)) for m in matched], [m & unfound for m in matched]))
        log(f"  corpus {corpus}: {len(articles)} articles, {sum(1 for s in samples if s.corpus == corpus)} events")
    return samples


def fit(samples: Sequence[EventSample], threshold: float = 0.5) -> TargetModel:
    """A logistic model over the candidates of ``samples`` (deterministic: full batch, fixed steps)."""
    rows = [f for s in samples for f in s.features]
    labels = [y for s in samples for y in s.labels]
    fitted = fit_logistic(rows, labels, min_count=MIN_COUNT, l2=L2, steps=STEPS, learning_rate=LEARNING_RATE)
    if fitted is None:
        return TargetModel({}, -10.0, threshold)
    return TargetModel(fitted.weights, fitted.bias, threshold)

@dataclass(slots=True)
class Tally:
    """Target found and precision of top events, with the candidates added at one threshold."""

    gold: int = 0
    found: int = 0
    named: int = 0
    right: int = 0

    def add(self, sample: EventSample, probabilities: Sequence[float], threshold: float) -> None:
        taken = [n for n, p in enumerate(probabilities) if p >= threshold]
        newly = set().union(*(sample.newly[n] for n in taken)) if taken else set()
        self.gold += sample.gold
        self.found += sample.found + len(newly)
        self.named += sample.named + len(taken)
        self.right += sample.right + sum(sample.labels[n] for n in taken)

    @property
    def f1(self) -> float:
        recall = self.found / self.gold if self.gold else 0.0
        precision = self.right / self.named if self.named else 0.0
        return 2 * recall * precision / (recall + precision) if recall + precision else 0.0

    def row(self) -> str:
        return (f"found {self.found}/{self.gold} ({self.found / max(self.gold, 1):.4f})  precision "
                f"{self.right}/{self.named} ({self.right / max(self.named, 1):.4f})  F1 {self.f1:.4f}")


def cross_validate(samples: Sequence[EventSample]) -> dict[float, dict[str, Tally]]:
    """Per threshold and held-out corpus (and "all", pooled): the tallies of a model fitted on the
    other corpora. Threshold None in the result stands for the readings alone."""
    corpora = sorted({s.corpus for s in samples})
    out: dict[float, dict[str, Tally]] = {t: defaultdict(Tally) for t in (2.0, *THRESHOLDS)}
    for corpus in corpora:
        model = fit([s for s in samples if s.corpus != corpus])
        for sample in (s for s in samples if s.corpus == corpus):
            probabilities = [model.probability(f) for f in sample.features]
            for threshold, tallies in out.items():
                tallies[corpus].add(sample, probabilities, threshold)
                tallies["all"].add(sample, probabilities, threshold)
    return out


def choose_threshold(table: dict[float, dict[str, Tally]]) -> float:
    """The threshold of the best pooled target F1 (2.0, adding nothing, when none beats the readings)."""
    return max(table, key=lambda t: (round(table[t]["all"].f1, 6), t))


@click.command()
@click.option("--model", "model_name", default=None, help="spaCy parser (default: settings).")
@click.option("--cv", is_flag=True, help="print the grouped cross-validation table only; write nothing")
@click.option("--out", "out_path", type=click.Path(path_type=Path, dir_okay=False), default=WEIGHTS,
              show_default=True)
def main(model_name: str | None, cv: bool, out_path: Path) -> None:
    """Fit the learned targets on the training corpus and write their weights (see the module)."""
    started = time.monotonic()
    samples = collect(model_name, log=click.echo)
    table = cross_validate(samples)
    for threshold, tallies in table.items():
        label = "readings alone" if threshold > 1 else f"threshold {threshold:.2f}"
        click.echo(f"{label:>16}: {tallies['all'].row()}")
        click.echo("                  " + "  ".join(f"{c} {t.found}/{t.right}/{t.named}" for c, t in sorted(tallies.items())
                                                    if c != "all"))
    chosen = choose_threshold(table)
    click.echo(f"chosen threshold: {chosen} (grouped CV, pooled target F1)")
    if cv:
        return
    model = fit(samples, chosen)
    model.save(out_path, {"events": len(samples), "candidates": sum(len(s.labels) for s in samples),
                          "positives": sum(sum(s.labels) for s in samples), "cv_threshold": chosen})
    click.echo(f"learned targets written to {out_path} ({len(model.weights)} weights) "
               f"in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
