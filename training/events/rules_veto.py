"""The hand rules with the realis-scope veto, read on the training corpus (session 12, issue #11).

    python -m training.events.rules_veto [--ranking]

The rules were tuned on the dev sets and on corpus T, never on corpora A-J and M, so their
reading of those corpora is an out-of-sample figure for any change to them. Prints, per
corpus and pooled (T left out), choose_hybrid's objective and its parts for the rules
alone, with the trained model's veto cues, with every cue, with each cue alone, and a
forward selection of cues (:func:`~streams.tagging.events.realis_scope.read_with_scope`, as
``events.taxonomy`` applies its ``rule_veto``: with any cue chosen, the structural threat too).
With ``--ranking``, instead: every cue with each ``depth_discount`` of ``DISCOUNTS`` (which of a
sentence's events is its top one, :mod:`~streams.tagging.events.ranking`; session 13). Trains nothing;
reads only the training corpus (never the frozen set, never ../shared/eval). ~1.5 min once the parses are cached.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from core.settings import get_settings
from streams.tagging.events.realis_scope import VETO_CUES, read_with_scope, year_of_news
from streams.tagging.events.rules import match_sentence
from streams.tagging.events.sentences import lines_within
from streams.tagging.events.taxonomy import load_taxonomy
from streams.tagging.shared.text import ArticleText
from training.events.realis_cv import TUNED_ON, shipped_veto
from wirewatch.evaluation.event_typing import Prediction, best_guess, objective, typing_scores
from wirewatch.training import events as training
from wirewatch.training.corpus import group_of, training_articles

NO_EVENT = Prediction(None, None, None)
TAXONOMY = load_taxonomy()


def _sentences():
    """(gold sentence, the lines the tagger reads in it with the rules' matches of each, news year,
    corpus) per sentence: a lead with its dateline is read as the tagger reads it (``lines_within``)."""
    articles = training_articles()
    parses = training.parse(articles, get_settings().spacy_model)
    corpus = group_of(articles)
    for article, doc in zip(articles, parses, strict=True):
        if corpus[article.id] in TUNED_ON:
            continue
        offset = ArticleText.of(article.raw).body_offset
        year = year_of_news(article.raw.published_at, article.raw.fetched_at)
        for s in article.sentences:
            span = doc.char_span(offset + s.start, offset + s.end, alignment_mode="expand")
            lines = lines_within(span) if span is not None else []
            yield s, [(line, match_sentence(line, TAXONOMY)) for line in lines], year, corpus[article.id]


DISCOUNTS = (1.0, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5)


def main(ranking: bool = False) -> None:
    rows = list(_sentences())
    gold = [r[0] for r in rows]
    by_corpus: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_corpus[row[3]].append(i)

    def predictions(chosen: Collection[str], discount: float = 1.0) -> list[Prediction]:
        out = []
        for _, lines, year, _ in rows:
            guess = best_guess([m for line, matches in lines
                                for m in read_with_scope(line, matches, TAXONOMY, chosen, year, discount).kept])
            out.append(Prediction(guess.category, guess.subtype, guess.mode) if guess else NO_EVENT)
        return out

    def report(label: str, chosen: Collection[str], discount: float = 1.0) -> float:
        p = predictions(chosen, discount)
        pooled = typing_scores(gold, p)
        parts = {c: objective(typing_scores([gold[i] for i in ix], [p[i] for i in ix]))
                 for c, ix in sorted(by_corpus.items())}
        mean = sum(parts.values()) / len(parts)
        print(f"{label[:28]:28s} mean {mean:.4f} | realis {pooled.realis_accuracy:.3f} category "
              f"{pooled.category.accuracy:.3f} subtype {pooled.subtype.macro_f1:.3f} hard-neg errors "
              f"{pooled.hard_negative_errors:.3f} | " + " ".join(f"{c} {v:.3f}" for c, v in parts.items()),
              flush=True)
        return mean

    print(f"{len(gold)} sentences, corpora {', '.join(sorted(by_corpus))} (T left out: the rules were tuned on it)")
    if ranking:
        for discount in DISCOUNTS:
            report(f"every cue, discount {discount}", VETO_CUES, discount)
        return
    report("rules", ())
    report("rules + the model's veto", shipped_veto())
    report("rules + every cue", VETO_CUES)
    for cue in VETO_CUES:
        report(f"rules + {cue}", {cue})
    chosen: frozenset[str] = frozenset()
    best = report("forward selection: start", chosen)
    while len(chosen) < len(VETO_CUES):
        trials = {c: report(f"  try + {c}", chosen | {c}) for c in VETO_CUES if c not in chosen}
        cue, value = max(trials.items(), key=lambda kv: kv[1])
        if value <= best + 0.0005:
            break
        chosen, best = chosen | {cue}, value
        print(f"chosen {sorted(chosen)} {best:.4f}", flush=True)


if __name__ == "__main__":
    import sys

    main(ranking="--ranking" in sys.argv[1:])
