"""The hybrid events component: who decides a sentence, and the component in the tagger."""

from __future__ import annotations

import pytest

from streams.tagging.events.classifier import Reading
from streams.tagging.events.hybrid import RuleGuess, decide

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


def test_the_hybrid_events_component_tags_an_article() -> None:
    from datetime import UTC, datetime

    from core.settings import get_settings
    from schemas import RawArticle, article_id
    from streams.tagging.config import PipelineConfig, load_config
    from streams.tagging.events import HybridEventExtractor
    from streams.tagging.tagger import Tagger

    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "The ministry plans to open a new road next year.")
    article = RawArticle(id=article_id(None, "", body), source="test:events", body=body,
                         published_at=datetime(2026, 3, 12, 12, tzinfo=UTC),
                         fetched_at=datetime(2026, 3, 12, 12, tzinfo=UTC))
    base = load_config().with_factory("events", "events.hybrid")
    # rules survive wherever they fire, and type wherever they fire: the rules' own event
    config = PipelineConfig(components=[
        c.model_copy(update={"options": {**c.options, "rule_floor": 1.01, "type_share": 1.01}})
        if c.name == "events" else c for c in base.components])
    tagger = Tagger(get_settings().spacy_model, config=config)
    component = tagger.component("events")
    assert isinstance(component, HybridEventExtractor)
    assert (component.rule_floor, component.type_share) == (1.01, 1.01)
    rules = Tagger(get_settings().spacy_model, config=load_config().with_factory(
        "events", "events.taxonomy"))
    (event,) = tagger.tag(article).events
    assert event == rules.tag(article).events[0]  # the rules' event, all of it
    assert event.sentence.text.startswith("Police arrested") and event.date == "2026-03-10"
    default = Tagger(get_settings().spacy_model, config=base)
    (same,) = default.tag(article).events
    assert (same.category, same.subtype, same.mode) == ("COERCE", "ARREST", "arrest")


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
