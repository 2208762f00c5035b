"""The hybrid events component: who decides a sentence, and the component in the tagger."""

from __future__ import annotations

import pytest

from streams.tagging.events.classifier import Reading
from streams.tagging.events.hybrid import RuleGuess, decide
from tests.support.roles import events_tagger, tag

RULE = RuleGuess("ASSAULT", "AIR_STRIKE", "drone")


def _reading(p_none: float, share: float) -> Reading:
    return Reading(realis=1 - p_none, category="REQUEST", subtype="DIPLO", mode=None,
                   confidence=0.5, share=share)


@pytest.mark.parametrize(("p_none", "share", "rule", "floor", "type_share", "expected"), [
    (0.2, 0.9, RULE, 0.8, 0.5, "model"),  # sure happening, sure type: the model's
    (0.2, 0.3, RULE, 0.8, 0.5, "rules"),  # sure happening, unsure type, a rule fired
    (0.2, 0.3, None, 0.8, 0.5, "model"),  # unsure type but no rule to fall back on
    (0.7, 0.9, RULE, 0.8, 0.5, "rules"),  # the model doubts, a rule fired: the rule survives
    (0.9, 0.9, RULE, 0.8, 0.5, None),  # the model is sure nothing happened
    (0.7, 0.9, None, 0.8, 0.5, None),  # no happening and no rule
    (0.7, 0.9, RULE, 0.5, 0.0, None),  # the defaults: the model alone decides
    (0.2, 0.1, RULE, 0.5, 0.0, "model"),
])
def test_who_decides(p_none, share, rule, floor, type_share, expected) -> None:
    assert decide(_reading(p_none, share), rule, 0.5, floor, type_share) == expected


@pytest.mark.parametrize(("p_none", "rule", "expected"), [
    (0.9, RULE, "rules"),  # the rules found an event: theirs, whatever the model reads
    (0.1, RULE, "rules"),
    (0.1, None, "model"),  # the rules found nothing, the model is sure of a happening
    (0.3, None, None),  # nor is the model sure enough (threshold 0.2)
])
def test_rules_first_gives_the_model_only_what_the_rules_left(p_none, rule, expected) -> None:
    assert decide(_reading(p_none, 0.9), rule, 0.2, 0.0, 0.0, rules_first=True) == expected


def test_the_hybrid_events_component_tags_an_article() -> None:
    from streams.tagging.events import HybridEventExtractor

    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "The ministry plans to open a new road next year.")
    # the model first (rules_first off); rules survive wherever they fire, and type wherever
    # they fire: the rules' own event
    tagger = events_tagger("events.hybrid", rules_first=False, rule_floor=1.01, type_share=1.01)
    component = tagger.component("events")
    assert isinstance(component, HybridEventExtractor)
    assert (component.rule_floor, component.type_share) == (1.01, 1.01)
    (event,) = tag(tagger, body).events
    assert event == tag(events_tagger("events.taxonomy"), body).events[0]  # the rules' event, all of it
    assert event.sentence.text.startswith("Police arrested") and event.date == "2026-03-10"
    # the model first with its CV-chosen thresholds
    (same,) = tag(events_tagger("events.hybrid", rules_first=False), body).events
    assert (same.category, same.subtype, same.mode) == ("COERCE", "ARREST", "arrest")


def test_rules_first_reads_the_rules_as_the_rules_path_does_and_fills_the_gaps() -> None:
    from streams.tagging.events import HybridEventExtractor

    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "Rebels stormed the town of Kiwanja in 2019.")
    rules = tag(events_tagger("events.taxonomy"), body).events
    assert [e.sentence.text[:6] for e in rules] == ["Police"]  # "in 2019" vetoes the storming
    # a fallback threshold no reading fails: the model's event wherever the rules found none
    hybrid = events_tagger("events.hybrid", rules_first=True, fallback_threshold=1.01)
    component = hybrid.component("events")
    assert isinstance(component, HybridEventExtractor) and component.rules_veto
    events = tag(hybrid, body).events
    assert events[0] == rules[0]  # the rules' event, all of it
    assert [e.sentence.text[:6] for e in events] == ["Police", "Rebels"]
    never = tag(events_tagger("events.hybrid", rules_first=True, fallback_threshold=0.0), body).events
    assert never == rules  # a model that never says a happening leaves the rules path as it is


def test_cross_validation_reads_rules_model_and_hybrid_from_the_same_readings() -> None:
    from wirewatch.evaluation.event_typing import CvReadings, Prediction, cv_predictions
    from wirewatch.training.corpus import Sentence

    gold = [Sentence(0, 10, "x", True, "ASSAULT", "AIR_STRIKE", "drone", True)] * 3
    readings = [_reading(0.2, 0.9), _reading(0.7, 0.9), _reading(0.9, 0.9)]
    cv = CvReadings(gold, [RULE, RULE, None], readings)
    model, rule, none = (Prediction("REQUEST", "DIPLO", None), Prediction("ASSAULT", "AIR_STRIKE", "drone"),
                         Prediction(None, None, None))
    assert cv_predictions(cv, "rules") == [rule, rule, none]
    assert cv_predictions(cv, "trained") == [model, none, none]
    assert cv_predictions(cv, "hybrid") == cv_predictions(cv, "trained")  # the CV-chosen defaults
    assert cv_predictions(cv, "hybrid", rule_floor=0.8) == [model, rule, none]
