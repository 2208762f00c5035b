"""Printing event-typing scores of several taggers side by side (rules vs trained model)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.table import Table

from wirewatch.evaluation.event_typing import TUNED_ON, TypingScores, objective
from wirewatch.evaluation.events import Scores


def per_class(title: str, scores: Mapping[str, Scores]) -> Table:
    """One row per gold class: F1 (and P/R) of each tagger, and the support."""
    table = Table(title=title)
    table.add_column("class")
    for kind in scores:
        table.add_column(f"{kind} P/R", justify="right")
        table.add_column(f"{kind} F1", justify="right")
    table.add_column("n", justify="right")
    labels = sorted({label for s in scores.values() for label in s.per_class})
    for label in labels:
        row, n = [label], 0
        for s in scores.values():
            p, r, f1, n = s.per_class.get(label, (0.0, 0.0, 0.0, n))
            row += [f"{p:.2f}/{r:.2f}", f"{f1:.2f}"]
        table.add_row(*row, str(n))
    return table


def confusions(title: str, scores: Mapping[str, Scores], top: int = 8) -> Table:
    """The most frequent (gold, predicted) errors of each tagger."""
    table = Table(title=title)
    for kind in scores:
        table.add_column(f"{kind}: gold -> predicted (count)")
    columns = [[f"{g} -> {p} ({n})" for g, p, n in s.confusions[:top]] for s in scores.values()]
    for i in range(max((len(c) for c in columns), default=0)):
        table.add_row(*(c[i] if i < len(c) else "" for c in columns))
    return table


def hard_negative_kinds(title: str, results: Mapping[str, TypingScores]) -> Table:
    """One row per hard-negative kind (threat, negation, headline ...): each tagger's realis
    errors there, so that the summary's one rate shows which kinds of statement it comes from."""
    table = Table(title=title)
    table.add_column("kind")
    for kind in results:
        table.add_column(f"{kind} errors", justify="right")
    table.add_column("n", justify="right")
    # every tagger read the same gold sentences, so a kind's count is the same in each
    counts = {name: n for s in results.values() for name, (n, _) in s.hard_negative_kinds.items()}
    for name, n in sorted(counts.items()):
        errors = [s.hard_negative_kinds.get(name, (n, 0))[1] for s in results.values()]
        table.add_row(name, *(f"{e} ({e / n:.2f})" for e in errors), str(n))
    return table


def typing(console: Console, title: str, results: Mapping[str, TypingScores]) -> None:
    """Team-set figures: summary, per-class subtypes and categories, confusions."""
    summary = Table(title=f"{title}: summary")
    for column in ("events", "realis acc", "category acc", "subtype macro-F1", "mode acc",
                   "hard-neg realis errors (n)", "sentences"):
        summary.add_column(column, justify="left" if column == "events" else "right")
    for kind, s in results.items():
        summary.add_row(kind, *s.row())
    console.print(summary)
    console.print(per_class(f"{title}: subtypes of gold happenings (NONE = missed)",
                            {k: s.subtype for k, s in results.items()}))
    console.print(per_class(f"{title}: categories of gold happenings",
                            {k: s.category for k, s in results.items()}))
    console.print(hard_negative_kinds(f"{title}: realis errors by hard-negative kind", results))
    console.print(confusions(f"{title}: subtype confusions", {k: s.subtype for k, s in results.items()}))
    console.print(confusions(f"{title}: category confusions",
                             {k: s.category for k, s in results.items()}))


def folds(console: Console, title: str, parts: Mapping[str, Mapping[str, TypingScores]]) -> None:
    """The summary figures of each held-out fold or corpus, tagger by tagger."""
    table = Table(title=title)
    for column in ("part", "events", "realis acc", "category acc", "subtype macro-F1", "mode acc",
                   "hard-neg realis errors (n)", "sentences"):
        table.add_column(column, justify="left" if column in ("part", "events") else "right")
    for fold, results in parts.items():
        for kind, s in results.items():
            table.add_row(fold, kind, *s.row())
    console.print(table)


def dev(console: Console, split: str, results: Mapping[str, tuple[Scores, Scores]]) -> None:
    """CASE-2021 subtypes and PLOVER categories of each tagger."""
    case = {k: c for k, (c, _) in results.items()}
    plover = {k: p for k, (_, p) in results.items()}
    console.print(per_class(f"CASE-2021 {split}: subtypes of the top event", case))
    console.print(confusions(f"CASE-2021 {split}: subtype confusions", case))
    console.print(per_class(f"PLOVER GSR {split}: categories of the top event", plover))
    console.print(confusions(f"PLOVER GSR {split}: category confusions", plover))
    summary = Table(title=f"dev sets ({split}): summary")
    for column in ("events", "CASE subtype macro-F1", "CASE weighted F1", "CASE accuracy",
                   "PLOVER category accuracy", "PLOVER macro-F1"):
        summary.add_column(column, justify="left" if column == "events" else "right")
    for kind, (c, p) in results.items():
        summary.add_row(kind, f"{c.macro_f1:.3f}", f"{c.weighted_f1:.3f}", f"{c.accuracy:.3f}",
                        f"{p.accuracy:.3f}", f"{p.macro_f1:.3f}")
    console.print(summary)


def objectives(console: Console, parts: Mapping[str, Mapping[str, TypingScores]], kinds: Sequence[str],
               pooled: Mapping[str, TypingScores] | None = None) -> None:
    """choose_hybrid's objective of each held-out part, from the scores of each part
    (:func:`~wirewatch.evaluation.event_typing.cv_scores`: the hybrid as the pipeline config sets it
    up, its learned arbiter nested, as in the summary), and its mean over the parts the rules were
    not tuned on: the figure corpus and threshold choices are made on. With ``pooled`` (the summary's
    scores of every held-out sentence) and no tuned-on part among ``parts``, also the objective of
    all sentences at once: the mean gives a 61-sentence corpus the weight of a 3,000-sentence one
    (session 33)."""
    table = Table(title="objective (mean of realis acc, category acc, subtype macro-F1, "
                        "1 - hard-neg errors) of each held-out part")
    table.add_column("events")
    folds_ = sorted(parts)
    for fold in folds_:
        table.add_column(fold, justify="right")
    table.add_column(f"mean without {', '.join(sorted(TUNED_ON))}", justify="right")
    every_sentence = pooled if not TUNED_ON & set(folds_) else None
    if every_sentence is not None:
        table.add_column("every sentence", justify="right")
    untuned = [f for f in folds_ if f not in TUNED_ON] or folds_
    for kind in kinds:
        each = {f: objective(parts[f][kind]) for f in folds_}
        row = [*(f"{each[f]:.4f}" for f in folds_), f"{sum(each[f] for f in untuned) / len(untuned):.4f}"]
        if every_sentence is not None:
            row.append(f"{objective(every_sentence[kind]):.4f}")
        table.add_row(kind, *row)
    console.print(table)
