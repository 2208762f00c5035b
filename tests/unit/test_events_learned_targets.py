"""The learned targets: a logistic model that adds, as targets of an event, names of its sentence the
role readings left out (streams/tagging/events/learned_targets.py), and its training
(wirewatch/training/targets.py). Hand-written sentences (not from any evaluation set)."""

from __future__ import annotations

import json
import math

import pytest

from core.settings import get_settings
from streams.tagging.config import load_config
from streams.tagging.events.learned_targets import (
    FEATURES_VERSION,
    LearnedTargetsError,
    TargetModel,
    candidate_features,
    collecting,
)
from streams.tagging.spacy_model import load_pipeline
from streams.tagging.tagger import Tagger
from tests.support.roles import event, names, tag
from wirewatch.training.targets import EventSample, Tally, choose_threshold, fit

TORCHED = "Armed men torched houses belonging to Christian farmers in Plateau state."


@pytest.fixture(scope="module")
def taggers() -> tuple[Tagger, Tagger]:
    """The shipped pipeline, and the same without the learned targets (the readings alone)."""
    model = get_settings().spacy_model
    return Tagger(model), Tagger(model, config=load_config().without_data("events", "target_model"))


def test_the_model_adds_whom_the_readings_left_out(taggers, tmp_path):
    # a model that says yes to one candidate's word: how a model's yes becomes a target. Which names
    # the shipped weights add is measured by the target floors (tests/eval): a retrain moves single
    # sentences across the threshold (session 31: the farmers here 0.331 against 0.35)
    _, readings_alone = taggers
    before = event(tag(readings_alone, TORCHED), "Armed men torched")
    assert "Christian farmers" not in names(tag(readings_alone, TORCHED), before.targets)
    path = tmp_path / "targets.json"
    TargetModel({"w:farmer": 6.0}, bias=-3.0, threshold=0.5).save(path, {"test": "one word"})
    model = Tagger(get_settings().spacy_model, config=load_config().with_data("events", target_model=path))
    tagged = tag(model, TORCHED)
    after = event(tagged, "Armed men torched")
    assert "Christian farmers" in names(tagged, after.targets)
    # added after the readings' own targets, never in place of them; the doers stay doers
    assert after.targets[:len(before.targets)] == before.targets
    assert after.actors == before.actors


def test_while_collecting_candidates_are_recorded_and_none_added(taggers):
    shipped, readings_alone = taggers
    with collecting() as records:
        tagged = tag(shipped, TORCHED)
    torched = event(tagged, "Armed men torched")
    assert torched.targets == event(tag(readings_alone, TORCHED), "Armed men torched").targets
    record = next(r for r in records if r.category == torched.category)
    assert any("w:farmer" in c.features for c in record.candidates)
    assert not set(record.targets) & {c.id for c in record.candidates}  # a target is no candidate


def test_a_candidates_features_name_its_path_from_the_trigger():
    nlp = load_pipeline(get_settings().spacy_model)
    sentence = next(nlp(TORCHED).sents)
    trigger = next(t for t in sentence if t.lower_ == "torched")
    farmers = next(t for t in sentence if t.lower_ == "farmers")
    features = candidate_features(trigger, farmers, "COERCE", "group", True, 1)
    # object, its participle, "to": three links down from the trigger and one more ("+")
    assert "d:dobj>acl>prep:to+" in features
    assert {"c:COERCE", "k:group", "s:after", "in:True", "w:farmer", "prep:to"} <= set(features)


def test_probability_and_threshold():
    model = TargetModel({"a": 2.0, "b": -3.0}, bias=0.0, threshold=0.5)
    assert model.probability(["a"]) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert model.probability(["a", "b"]) < 0.5 < model.probability(["a", "unknown"])
    assert model.probability(["b"] * 20) == 0.0  # far below: no overflow


def test_weights_round_trip_and_refuse_another_version(tmp_path):
    model = TargetModel({"a": 0.25, "tiny": 1e-9}, bias=-0.5, threshold=0.35)
    path = tmp_path / "weights.json"
    model.save(path, {"events": 1})
    loaded = TargetModel.load(path)
    assert loaded == TargetModel({"a": 0.25}, -0.5, 0.35)  # weights below 1e-6 are not written
    data = json.loads(path.read_text())
    data["features_version"] = FEATURES_VERSION + 1
    path.write_text(json.dumps(data))
    with pytest.raises(LearnedTargetsError, match="make train"):
        TargetModel.load(path)


def test_a_pipeline_naming_missing_weights_fails_at_start(tmp_path):
    config = load_config().with_data("events", target_model=tmp_path / "missing.json")
    with pytest.raises(LearnedTargetsError, match="target_model"):
        Tagger(get_settings().spacy_model, config=config)


def _sample(corpus: str, labelled: list[tuple[tuple[str, ...], int]]) -> EventSample:
    """One event with one gold target, unfound by the readings, and these candidates."""
    return EventSample(corpus, gold=1, found=0, named=0, right=0,
                       features=[f for f, _ in labelled], labels=[y for _, y in labelled],
                       newly=[frozenset({0}) if y else frozenset() for _, y in labelled])


def test_fitting_learns_which_paths_lead_to_targets_and_is_deterministic():
    samples = [_sample(c, [(("d:dobj", "k:group"), 1), (("u:nsubj", "k:group"), 0)]) for c in "ABCD" * 3]
    first, second = fit(samples), fit(samples)
    assert first == second
    assert first.probability(("d:dobj", "k:group")) > 0.8 > 0.2 > first.probability(("u:nsubj", "k:group"))


def test_tally_counts_found_and_precision_of_the_added_candidates():
    sample = _sample("A", [(("x",), 1), (("y",), 0)])
    tally = Tally()
    tally.add(sample, [0.9, 0.6], threshold=0.5)  # both added: one right, one wrong
    assert (tally.gold, tally.found, tally.named, tally.right) == (1, 1, 2, 1)
    strict = Tally()
    strict.add(sample, [0.9, 0.6], threshold=0.7)
    assert (strict.found, strict.named, strict.right) == (1, 1, 1)
    assert strict.f1 == 1.0 > tally.f1


def test_the_threshold_is_the_best_pooled_f1_and_none_when_nothing_beats_the_readings():
    def table(f1_by_threshold: dict[float, tuple[int, int, int, int]]) -> dict[float, dict[str, Tally]]:
        return {t: {"all": Tally(*counts)} for t, counts in f1_by_threshold.items()}

    assert choose_threshold(table({2.0: (10, 5, 10, 5), 0.3: (10, 8, 14, 8), 0.5: (10, 7, 10, 7)})) == 0.5
    assert choose_threshold(table({2.0: (10, 5, 5, 5), 0.3: (10, 6, 20, 6)})) == 2.0
