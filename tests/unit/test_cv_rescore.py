"""Scoring this tree's rules against saved cross-validation readings (wirewatch/evaluation/cv_rescore.py).

Runs on the smallest corpus of the training data (M, 61 sentences, every other corpus left out):
the real corpus, the real parse and the real rules; the model readings are carried, not read. One
test makes a real grouped run over corpora I, J and M (three small models trained, ~20 s) and
rescores it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.settings import get_settings
from streams.tagging.events.classifier import Reading
from wirewatch.evaluation.cv_rescore import StaleReadings, rescore
from wirewatch.evaluation.event_typing import CvReadings, cv_readings, features_digest, rules_side
from wirewatch.training import events as training
from wirewatch.training.corpus import group_of, training_articles


def every_corpus_but(*kept: str) -> tuple[str, ...]:
    """The corpus letters to leave out so that only ``kept`` are read (a new corpus changes none of these tests)."""
    return tuple(sorted(set(group_of(training_articles()).values()) - set(kept)))


@pytest.fixture(scope="module")
def only_m() -> tuple[str, ...]:
    """The corpora to leave out so that only corpus M is read (read at test time, not at collection)."""
    return every_corpus_but("M")


@pytest.fixture(scope="module")
def saved(only_m: tuple[str, ...]) -> CvReadings:
    """Readings as a run over corpus M would save them, with placeholder model readings."""
    model = get_settings().spacy_model
    articles = training_articles(leave_out=only_m)
    parses = training.parse(articles, model)
    side = rules_side(articles, parses)
    gold = [s for a in articles for s in a.sentences]
    readings = [Reading(0.5, None, None, None, 0.5)] * len(gold)
    return CvReadings(gold, side.rules, readings, ["M"] * len(gold), side.rules_kept, side.cues,
                      side.rule_links, side.rule_given, side.line_numbers,
                      features_digest(training.sentence_docs(articles, parses, training.labels())))


def test_the_same_rules_give_back_the_saved_readings(saved: CvReadings, only_m: tuple[str, ...]) -> None:
    # stale rules' side, as an older tree would have saved it: the rescoring puts this tree's back
    old = replace(saved, rules_kept=[None] * len(saved.gold), cues=[frozenset()] * len(saved.gold))
    again = rescore(old, get_settings().spacy_model, only_m)
    assert again == saved
    assert again.rules_kept is not None and again.cues is not None
    assert any(kept is not None for kept in again.rules_kept) and any(again.cues)
    assert again.readings is old.readings  # the model's readings are carried as they were


def test_readings_of_another_corpus_are_refused(saved: CvReadings, only_m: tuple[str, ...]) -> None:
    with pytest.raises(StaleReadings, match="Rerun the cross-validation"):
        rescore(replace(saved, gold=saved.gold[1:]), get_settings().spacy_model, only_m)


def test_readings_whose_model_read_other_inputs_are_refused(saved: CvReadings, only_m: tuple[str, ...]) -> None:
    with pytest.raises(StaleReadings, match="other inputs"):
        rescore(replace(saved, features="0" * 64), get_settings().spacy_model, only_m)


def test_readings_without_a_digest_need_the_callers_word(saved: CvReadings, only_m: tuple[str, ...]) -> None:
    undigested = replace(saved, features=None)
    with pytest.raises(StaleReadings, match="--trust-features"):
        rescore(undigested, get_settings().spacy_model, only_m)
    assert rescore(undigested, get_settings().spacy_model, only_m, trust_features=True).cues == saved.cues


def test_a_real_run_rescored_with_the_same_code_is_the_run_itself() -> None:
    # a grouped run over corpora I, J and M (the model trained three times on ~1,400 sentences,
    # ~20 s): its readings record the digest of what the model read, and rescoring them with the
    # same tree gives the run back, digest checked
    model = get_settings().spacy_model
    leave_out = every_corpus_but("I", "J", "M")
    run = cv_readings(model, grouped=True, leave_out=leave_out, log=lambda *_: None)
    assert run.features is not None and set(run.folds or []) == {"I", "J", "M"}
    assert rescore(run, model, leave_out) == run
