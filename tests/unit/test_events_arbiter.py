"""The learned arbiter of the rules' events on the default path (streams/tagging/events/arbiter.py)
and its fitting (wirewatch/training/arbiter.py). Hand-written sentences (not from any evaluation set).
"""

from __future__ import annotations

import json

import pytest

from core.settings import get_settings
from streams.tagging.config import load_config
from streams.tagging.events.arbiter import (
    FEATURES_VERSION,
    REALIS,
    Arbiter,
    ArbiterError,
    arbiter_features,
    arbiter_input,
)
from streams.tagging.events.classifier import Reading
from streams.tagging.events.hybrid import HybridSettings, RuleGuess
from streams.tagging.tagger import Tagger
from tests.support.roles import tag
from wirewatch.evaluation.event_typing import CvReadings, cv_predictions
from wirewatch.training.arbiter import fit, nested_happening
from wirewatch.training.corpus import Sentence

# generic or habitual statements a rule reads a happening in, with no scope cue to doubt it.
# (The third was kept from session 34's retrain to session 36: the arbiter gave it 0.43 against its
# threshold 0.3; since session 37's threshold 0.5 it is dropped again, at 0.35.)
NOT_HAPPENINGS = [
    "Kidnappings for ransom are a lucrative business for armed gangs in Zamfara state.",
    "The region has been plagued by clashes between herders and farmers.",
    "Air strikes are the army's main weapon against the resistance in Sagaing.",
]
HAPPENINGS = [
    "Fighters of the RSF attacked the village of Wad al-Noura on Thursday, killing 40 people, activists said.",
    "Police arrested 12 opposition supporters in Nairobi on Tuesday.",
]


@pytest.fixture(scope="module")
def taggers() -> tuple[Tagger, Tagger]:
    """The shipped pipeline, and the same with the hand overrule alone (no arbiter)."""
    model = get_settings().spacy_model
    return Tagger(model), Tagger(model, config=load_config().without_data("events", "arbiter"))


@pytest.mark.parametrize("text", NOT_HAPPENINGS)
def test_the_arbiter_drops_a_rule_event_the_sentence_does_not_report(taggers, text):
    shipped, hand = taggers
    assert tag(hand, text).events, "the rules read an event here (else the test says nothing)"
    assert tag(shipped, text).events == []


@pytest.mark.parametrize("text", HAPPENINGS)
def test_the_arbiter_keeps_a_reported_happening(taggers, text):
    shipped, hand = taggers
    kept = [(e.category, e.subtype) for e in tag(shipped, text).events]
    assert kept and kept == [(e.category, e.subtype) for e in tag(hand, text).events]


def test_the_tagger_tells_the_arbiter_where_each_line_sits_in_the_body(taggers, monkeypatch):
    asked: list[int | None] = []
    happening = Arbiter.happening

    def spy(self, read):
        asked.append(read.line_number)
        return happening(self, read)

    monkeypatch.setattr(Arbiter, "happening", spy)
    shipped, _ = taggers
    body = " ".join(HAPPENINGS + ["Gunmen stormed a police post in Zamfara state on Monday, killing two officers."])
    tag(shipped, body, title="Gunmen kill 40 in Wad al-Noura")
    assert asked == [0, 1, 2]  # the body's lines in order; the title keeps the hand policy


def _read(realis: float = 0.2, category: str = "ASSAULT", cues: tuple[str, ...] = ()):
    return arbiter_input(realis, "ASSAULT", category, "ATTACK", cues, 0, False, False, 1)


def test_features_name_the_readings_and_the_cues():
    features = arbiter_features(_read(0.2, cues=("HABITUAL", "SO_FAR")))
    assert {"pn:8", "rc:ASSAULT", "rcpn:ASSAULT|8", "mc:ASSAULT", "agree:True", "doubt:False",
            "cue:HABITUAL", "cue:SO_FAR", "pos:SECOND"} <= set(features)


def test_the_arbiter_reads_where_the_line_sits_in_the_body():
    def place(number):
        read = arbiter_input(0.2, "ASSAULT", "ASSAULT", "ATTACK", (), 0, False, False, number)
        return [f for f in arbiter_features(read) if f.startswith("pos:")]

    assert [place(n) for n in (0, 1, 2, 30, None)] == [
        ["pos:LEAD"], ["pos:SECOND"], ["pos:LATER"], ["pos:LATER"], ["pos:None"]]


def test_the_arbiter_decides_only_its_categories_and_keeps_at_its_threshold():
    arbiter = Arbiter({REALIS: 1.0}, bias=0.0, threshold=0.5, categories=frozenset({"ASSAULT"}))
    assert arbiter.decides("ASSAULT") and not arbiter.decides("THREATEN") and not arbiter.decides(None)
    assert arbiter.keeps(_read(0.9)) and not arbiter.keeps(_read(0.1))
    assert arbiter.happening(_read(0.9)) == pytest.approx(0.9, abs=1e-6)  # the logit's weight 1 alone


def test_weights_round_trip_and_refuse_another_version(tmp_path):
    arbiter = Arbiter({"pn:9": -1.5, REALIS: 0.75, "tiny": 1e-9}, -0.25, 0.3, frozenset({"ASSAULT", "COERCE"}))
    path = tmp_path / "arbiter.json"
    arbiter.save(path, {"ruled": 1})
    assert Arbiter.load(path) == Arbiter({"pn:9": -1.5, REALIS: 0.75}, -0.25, 0.3, frozenset({"ASSAULT", "COERCE"}))
    data = json.loads(path.read_text())
    data["features_version"] = FEATURES_VERSION + 1
    path.write_text(json.dumps(data))
    with pytest.raises(ArbiterError, match="make train"):
        Arbiter.load(path)


def _readings() -> CvReadings:
    """Three corpora of ruled sentences: a sure model is right where it says nothing happened."""
    gold, rules, readings, folds = [], [], [], []
    for fold in "ABC":
        for n in range(12):
            happened = n % 2 == 0
            gold.append(Sentence(0, 1, "x", happened, "ASSAULT" if happened else None,
                                 "ATTACK" if happened else None, None, True))
            rules.append(RuleGuess("ASSAULT", "ATTACK", None))
            readings.append(Reading(0.9 if happened else 0.05, "ASSAULT", "ATTACK", None, 0.5, 0.5))
            folds.append(fold)
    n = len(gold)
    return CvReadings(gold, rules, readings, folds, list(rules), [frozenset()] * n, [0] * n, [False] * n, [1] * n)


def test_fitting_learns_when_the_rules_event_stands_and_is_deterministic():
    cv = _readings()
    settings = HybridSettings(0.3, rules_first=True)
    first, second = nested_happening(cv, settings), nested_happening(cv, settings)
    assert first == second
    for probability, sentence in zip(first, cv.gold, strict=True):
        assert probability is not None and (probability >= 0.5) == sentence.realis
    reads = [arbiter_input(r.realis, r.category, "ASSAULT", "ATTACK", (), 0, False, False, 1) for r in cv.readings]
    assert fit(reads, [int(s.realis) for s in cv.gold]) == fit(reads, [int(s.realis) for s in cv.gold])


def test_cross_validation_scores_the_arbiters_verdicts():
    cv = _readings()
    settings = HybridSettings(0.3, rules_first=True)
    hand = cv_predictions(cv, "hybrid", settings)
    assert all(p.category == "ASSAULT" for p in hand)  # no hand overrule in these settings
    keeps = [s.realis for s in cv.gold]
    judged = cv_predictions(cv, "hybrid", settings, keeps)
    assert [p.category is not None for p in judged] == keeps
