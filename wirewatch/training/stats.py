"""Counts of the event training corpus, as the data card prints them (with the relabels of
``data/events/train/relabels/`` applied, as training reads the labels).

Run: ``python -m wirewatch.training.stats``.
"""

from __future__ import annotations

import json
from collections import Counter

from wirewatch.training.corpus import (
    fold_of,
    group_of,
    training_articles,
    training_files,
    written_articles,
)


def _line(counts: Counter) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])))


def card() -> list[str]:
    """The data card's count lines (Markdown list items)."""
    files = training_files()
    written = written_articles()
    corpus = group_of(written)
    articles = [a for a in written if corpus[a.id] != "T"]
    team = [a for a in written if corpus[a.id] == "T"]  # the older team set (TSV)
    sents = [s for a in articles for s in a.sentences]
    countries = {json.loads(line)["country"] for path in files
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    everything = training_articles()
    folds = fold_of(everything)
    per_fold = Counter[int]()
    for article in everything:
        per_fold[folds[article.id]] += len(article.sentences)
    happenings = [s for s in sents if s.realis]
    return [
        f"- JSONL: {len(files)} files, {len(articles)} articles, {len(sents)} sentences, "
        f"{len(countries)} countries; realis {len(happenings)}, hard negatives "
        f"{sum(bool(s.negative) for s in sents)}. TSV: {len(team)} sentences.",
        f"- Category (JSONL happenings): {_line(Counter(s.category for s in happenings))}.",
        f"- Subtype (JSONL happenings): {_line(Counter(s.subtype for s in happenings))}.",
        f"- Mode (JSONL happenings): {_line(Counter(s.mode or 'none' for s in happenings))}.",
        "- Negative kind: " + _line(Counter(
            f"{s.negative} ({'realis' if s.realis else 'not realis'})" for s in sents if s.negative)) + ".",
        "- TSV subtypes: " + _line(Counter(a.sentences[0].subtype or "no event" for a in team)) + ".",
        "- Sentences per cross-validation fold (JSONL + TSV): "
        + ", ".join(f"fold {k} {per_fold[k]}" for k in sorted(per_fold)) + ".",
    ]


if __name__ == "__main__":
    print("\n".join(card()))
