"""Score this tree's rules against the model readings of an earlier cross-validation run.

A grouped-CV run trains the event model once per held-out corpus: ~25 minutes a seed. A change
to what the rules make of a sentence (the realis scope, the veto, the ranking) leaves every model
reading as it was, as long as the model's inputs are unchanged: the model reads the taxonomy's
matches and the parse (``features.py``), never the realis scope. For such a change,
:func:`rescore` recomputes the rules' side of saved readings (:func:`~.event_typing.rules_side`)
and keeps the model's, which is exactly what a new run at the same seed would give, in a minute;
``wirewatch eval events --set cv-grouped --rescore FILE`` scores it as the run would (the nested
arbiter is refitted in scoring). Readings carry a digest of the model's inputs
(:func:`~.event_typing.features_digest`), so a change that alters them is refused: that one needs
a new run.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from wirewatch.evaluation.event_typing import CvReadings, features_digest, rules_side


class StaleReadings(ValueError):
    """The saved readings cannot be scored with this tree's rules (see the message)."""


def rescore(cv: CvReadings, model_name: str, leave_out: Collection[str] = (),
            trust_features: bool = False) -> CvReadings:
    """``cv`` with its rules' side read by this tree's code (``leave_out``: the corpora the run
    left out). Refuses readings of another corpus, of a run that held out only some corpora, and,
    unless ``trust_features``, of a run whose model read other inputs than this tree gives it (or
    that recorded no digest of them)."""
    from wirewatch.training import events as training
    from wirewatch.training.corpus import training_articles

    articles = training_articles(leave_out=leave_out)
    gold = [s for a in articles for s in a.sentences]
    if len(gold) != len(cv.gold) or any(a != b for a, b in zip(gold, cv.gold, strict=True)):
        raise StaleReadings(
            f"the readings hold {len(cv.gold)} sentences and the training corpus (leaving out "
            f"{''.join(leave_out) or 'nothing'}) {len(gold)}, or their labels differ: the corpus changed "
            "since the run, or it held out only some corpora, or left out others (--leave-out). "
            "Rerun the cross-validation with --readings-out.")
    parses = training.parse(articles, model_name)
    if not trust_features:
        if cv.features is None:
            raise StaleReadings(
                "these readings predate the digest of the model's inputs, so whether the model would "
                "read this tree's corpus the same cannot be checked: rerun the cross-validation with "
                "--readings-out, or pass --trust-features if the change cannot touch the model's "
                "inputs (features.py, the taxonomy's rules, the parse).")
        features = features_digest(training.sentence_docs(articles, parses, training.labels()))
        if features != cv.features:
            raise StaleReadings(
                "the model reads other inputs in this tree than in the run (its features, the "
                "taxonomy's rules or the parse changed): its readings would differ, so rerun the "
                "cross-validation with --readings-out.")
    side = rules_side(articles, parses)
    return replace(cv, rules=side.rules, rules_kept=side.rules_kept, cues=side.cues,
                   rule_links=side.rule_links, rule_given=side.rule_given, line_numbers=side.line_numbers)
